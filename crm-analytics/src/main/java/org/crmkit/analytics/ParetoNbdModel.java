package org.crmkit.analytics;

import static org.crmkit.analytics.BgNbdModel.nonNegative;
import static org.crmkit.analytics.BgNbdModel.positive;
import static org.crmkit.analytics.SpecialFunctions.hyp2f1;
import static org.crmkit.analytics.SpecialFunctions.log1mExp;
import static org.crmkit.analytics.SpecialFunctions.logGamma;
import static org.crmkit.analytics.SpecialFunctions.logSumExp;
import static org.crmkit.analytics.SpecialFunctions.oneMinusPowerOverExponent;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987): purchases at a Poisson rate drawn from
 * Gamma(r, alpha), an exponential lifetime with a rate drawn from Gamma(s, beta). The likelihood follows Fader and
 * Hardie's note "A note on deriving the Pareto/NBD model" (2005), with the hypergeometric term A0 taken in log space
 * as the difference of its two parts.
 */
public final class ParetoNbdModel implements PurchaseModel {

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final ModelFit estimation;

    private ParetoNbdModel(double[] p, ModelFit estimation) {
        this.r = positive("r", p[0]);
        this.alpha = positive("alpha", p[1]);
        this.s = positive("s", p[2]);
        this.beta = positive("beta", p[3]);
        this.estimation = estimation;
    }

    /** A model with known parameters, all positive and finite. */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        return new ParetoNbdModel(new double[] {r, alpha, s, beta}, null);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @throws AnalyticsException as {@link BgNbdModel#fit} does
     */
    public static ParetoNbdModel fit(Collection<PurchaseHistory> histories, FitOptions options) {
        WeightedHistories data = WeightedHistories.of(histories);
        double[] start = {1, data.meanAge(), 1, data.meanAge()};
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.fit(
                "pareto-nbd", NAMES, p -> logLikelihood(p, data), data.totalWeight, start, options);
        return new ParetoNbdModel(estimate.parameters(), ModelFit.of(estimate, data.totalWeight));
    }

    static double logLikelihood(double[] p, WeightedHistories data) {
        double r = p[0];
        double alpha = p[1];
        double s = p[2];
        double beta = p[3];
        double constant = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double total = 0;
        for (int i = 0; i < data.size(); i++) {
            int x = data.frequency[i];
            total += data.weight[i]
                    * (logGamma(r + x) + constant + logBracket(r, alpha, s, beta, x, data.recency[i], data.age[i]));
        }
        return total;
    }

    /** log of [1 / ((alpha+T)^(r+x) (beta+T)^s) + s / (r+s+x) * A0]. */
    private static double logBracket(double r, double alpha, double s, double beta, int x, double tx, double T) {
        double stayed = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
        double logA0 = logA0(r, alpha, s, beta, x, tx, T);
        return logSumExp(stayed, Math.log(s) - Math.log(r + s + x) + logA0);
    }

    private static double logA0(double r, double alpha, double s, double beta, int x, double tx, double T) {
        double sum = r + s + x;
        double base;
        double second;
        double difference;
        if (alpha >= beta) {
            base = alpha;
            second = s + 1;
            difference = alpha - beta;
        } else {
            base = beta;
            second = r + x;
            difference = beta - alpha;
        }
        double atRecency = Math.log(hyp2f1(sum, second, sum + 1, difference / (base + tx))) - sum * Math.log(base + tx);
        double atAge = Math.log(hyp2f1(sum, second, sum + 1, difference / (base + T))) - sum * Math.log(base + T);
        return atRecency + log1mExp(atAge - atRecency);
    }

    @Override
    public String name() {
        return "pareto-nbd";
    }

    @Override
    public Map<String, Double> parameters() {
        return MaximumLikelihood.named(NAMES, new double[] {r, alpha, s, beta});
    }

    @Override
    public Optional<ModelFit> estimation() {
        return Optional.ofNullable(estimation);
    }

    @Override
    public double logLikelihood(PurchaseHistory history) {
        return logLikelihood(new double[] {r, alpha, s, beta}, WeightedHistories.single(history));
    }

    @Override
    public double expectedPurchases(double t) {
        nonNegative(t);
        return r * beta / alpha * oneMinusPowerOverExponent(s - 1, Math.log(beta / (beta + t)));
    }

    @Override
    public double expectedPurchases(PurchaseHistory h, double t) {
        nonNegative(t);
        double T = h.age();
        int x = h.frequency();
        return (r + x)
                * (beta + T)
                / (alpha + T)
                * oneMinusPowerOverExponent(s - 1, Math.log((beta + T) / (beta + T + t)))
                * probabilityAlive(h);
    }

    @Override
    public double probabilityAlive(PurchaseHistory h) {
        int x = h.frequency();
        double T = h.age();
        double stayed = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
        double logOdds = Math.log(s) - Math.log(r + s + x) + logA0(r, alpha, s, beta, x, h.recency(), T) - stayed;
        return 1 / (1 + Math.exp(logOdds));
    }

    @Override
    public String toString() {
        return "ParetoNbdModel" + parameters();
    }
}
