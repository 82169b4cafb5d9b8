package org.crmkit.analytics;

import static org.crmkit.analytics.BgNbdModel.nonNegative;
import static org.crmkit.analytics.BgNbdModel.positive;
import static org.crmkit.analytics.SpecialFunctions.hyp2f1;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The Modified BG/NBD model of Batislam, Denizel and Filiztekin (2007): as BG/NBD, but a customer may also drop out
 * right after the first purchase, so a customer without repeat purchases is not certainly alive. Fitted like BG/NBD,
 * by Newton steps on the exact gradient and Hessian.
 */
public final class ModifiedBgNbdModel implements PurchaseModel {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final ModelFit estimation;

    private ModifiedBgNbdModel(double[] p, ModelFit estimation) {
        this.r = positive("r", p[0]);
        this.alpha = positive("alpha", p[1]);
        this.a = positive("a", p[2]);
        this.b = positive("b", p[3]);
        this.estimation = estimation;
    }

    /** A model with known parameters, all positive and finite. */
    public static ModifiedBgNbdModel of(double r, double alpha, double a, double b) {
        return new ModifiedBgNbdModel(new double[] {r, alpha, a, b}, null);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @throws AnalyticsException as {@link BgNbdModel#fit} does
     */
    public static ModifiedBgNbdModel fit(Collection<PurchaseHistory> histories, FitOptions options) {
        WeightedHistories data = WeightedHistories.of(histories);
        double[] start = {1, data.meanAge(), 1, 1};
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.fit(
                "modified-bg-nbd", NAMES, new BgNbdLikelihood(data, true), data.totalWeight, start, options);
        return new ModifiedBgNbdModel(estimate.parameters(), ModelFit.of(estimate, data.totalWeight));
    }

    @Override
    public String name() {
        return "modified-bg-nbd";
    }

    @Override
    public Map<String, Double> parameters() {
        return MaximumLikelihood.named(NAMES, new double[] {r, alpha, a, b});
    }

    @Override
    public Optional<ModelFit> estimation() {
        return Optional.ofNullable(estimation);
    }

    @Override
    public double logLikelihood(PurchaseHistory history) {
        return new BgNbdLikelihood(WeightedHistories.single(history), true).value(new double[] {r, alpha, a, b});
    }

    @Override
    public double expectedPurchases(double t) {
        nonNegative(t);
        return b
                / (a - 1)
                * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
    }

    @Override
    public double expectedPurchases(PurchaseHistory h, double t) {
        nonNegative(t);
        int x = h.frequency();
        double T = h.age();
        double ratio = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t)));
        double numerator =
                (a + b + x) / (a - 1) * (1 - ratio * hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t)));
        return numerator * probabilityAlive(h);
    }

    @Override
    public double probabilityAlive(PurchaseHistory h) {
        int x = h.frequency();
        double logOdds = Math.log(a) - Math.log(b + x) + (r + x) * Math.log((alpha + h.age()) / (alpha + h.recency()));
        return 1 / (1 + Math.exp(logOdds));
    }

    @Override
    public String toString() {
        return "ModifiedBgNbdModel" + parameters();
    }
}
