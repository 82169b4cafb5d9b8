package org.crmkit.analytics;

import java.util.Map;
import java.util.Optional;

/**
 * A continuous-time model of repeat purchasing with dropout ("buy till you die"): BG/NBD, Modified BG/NBD or
 * Pareto/NBD. Time is measured in the {@link PeriodUnit} of the histories it was fitted to. Instances are immutable
 * and thread-safe.
 */
public sealed interface PurchaseModel permits BgNbdModel, ModifiedBgNbdModel, ParetoNbdModel {

    /** Short name of the model: {@code bg-nbd}, {@code modified-bg-nbd} or {@code pareto-nbd}. */
    String name();

    /** The parameters by name, in the order of the literature. */
    Map<String, Double> parameters();

    /** How the parameters were estimated; empty for a model built from known parameters. */
    Optional<ModelFit> estimation();

    /** Log-likelihood of one customer's history under this model. */
    double logLikelihood(PurchaseHistory history);

    /** Expected number of repeat purchases of a new customer in the first {@code t} periods after the first purchase. */
    double expectedPurchases(double t);

    /** Expected number of purchases of a customer with this history in the next {@code t} periods. */
    double expectedPurchases(PurchaseHistory history, double t);

    /**
     * Expected number of purchases of a customer with this history in the next {@code horizons[j]} periods, for
     * each j; the same values as {@link #expectedPurchases(PurchaseHistory, double)} one by one, computed together
     * where the model allows it (a lifetime value needs one horizon per month).
     */
    default double[] expectedPurchases(PurchaseHistory history, double[] horizons) {
        double[] result = new double[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            result[j] = expectedPurchases(history, horizons[j]);
        }
        return result;
    }

    /** Probability that a customer with this history is still active at the end of calibration. */
    double probabilityAlive(PurchaseHistory history);
}
