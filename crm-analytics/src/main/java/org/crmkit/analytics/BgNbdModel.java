package org.crmkit.analytics;

import static org.crmkit.analytics.SpecialFunctions.hyp2f1;
import static org.crmkit.analytics.SpecialFunctions.hyp2f1Excess;
import static org.crmkit.analytics.SpecialFunctions.logBeta;
import static org.crmkit.analytics.SpecialFunctions.logGamma;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers the easy way": while active, a customer
 * buys at a Poisson rate drawn from Gamma(r, alpha); after each purchase the customer drops out with a probability
 * drawn from Beta(a, b).
 *
 * <p>The likelihood is evaluated in log space as {@code A1 + A2 + log(exp(A3) + [x > 0] exp(A4))} (the form of Fader
 * and Hardie's note on the #NUM! error), so it stays finite for any frequency. Customers with identical
 * (x, t_x, T) are fitted once with a weight, by Newton steps on the exact gradient and Hessian of the likelihood.
 */
public final class BgNbdModel implements PurchaseModel {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final ModelFit estimation;

    private BgNbdModel(double[] p, ModelFit estimation) {
        this.r = positive("r", p[0]);
        this.alpha = positive("alpha", p[1]);
        this.a = positive("a", p[2]);
        this.b = positive("b", p[3]);
        this.estimation = estimation;
    }

    /** A model with known parameters, all positive and finite. */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(new double[] {r, alpha, a, b}, null);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INSUFFICIENT_DATA} when there is no customer
     *                            or no repeat purchase, or a parameter runs off to 0 or infinity; with
     *                            {@link AnalyticsException.Reason#FIT_FAILED} when the optimiser does not converge
     */
    public static BgNbdModel fit(Collection<PurchaseHistory> histories, FitOptions options) {
        return fit(WeightedHistories.of(histories), options);
    }

    /**
     * Fits the model by maximum likelihood to customers already counted per (x, t_x, T) pattern, as a distributed
     * run collects them: the same estimate, to the last bit, as {@link #fit(Collection, FitOptions)} of the
     * customers one by one. Patterns counted 0 are ignored.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INVALID_ARGUMENT} naming {@code weight} when a
     *                            count is negative, otherwise as {@link #fit(Collection, FitOptions)}
     */
    public static BgNbdModel fit(Map<PurchaseHistory, Long> customersPerHistory, FitOptions options) {
        return fit(WeightedHistories.of(customersPerHistory), options);
    }

    private static BgNbdModel fit(WeightedHistories data, FitOptions options) {
        double[] start = {1, data.meanAge(), 1, 1};
        MaximumLikelihood.Estimate estimate =
                MaximumLikelihood.fit("bg-nbd", NAMES, new BgNbdLikelihood(data), data.totalWeight, start, options);
        return new BgNbdModel(estimate.parameters(), ModelFit.of(estimate, data.totalWeight));
    }

    @Override
    public String name() {
        return "bg-nbd";
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
        return new BgNbdLikelihood(WeightedHistories.single(history)).value(new double[] {r, alpha, a, b});
    }

    @Override
    public double expectedPurchases(double t) {
        nonNegative(t);
        double z = t / (alpha + t);
        return (a + b - 1) / (a - 1) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * hyp2f1(r, b, a + b - 1, z));
    }

    @Override
    public double expectedPurchases(PurchaseHistory h, double t) {
        return expectedPurchases(h, new double[] {t})[0];
    }

    /**
     * All horizons from one pass over the hypergeometric series, whose coefficients do not depend on the horizon.
     * The conditional expectation {@code (a + b + x - 1) / (a - 1) (1 - ((alpha + T) / (alpha + T + t))^(r + x)
     * 2F1(r + x, b + x; a + b + x - 1; z)) P(alive)}, {@code z = t / (alpha + T + t)}, is evaluated through Euler's
     * transformation {@code 2F1(r + x, b + x; c; z) = (1 - z)^(a - 1 - r - x) 2F1(a + b - 1 - r, a - 1; c; z)}: the
     * new series' numerator parameters do not grow with x, so it needs a few terms where the original needs dozens
     * to hundreds for frequent buyers. With {@code B = a - 1}, {@code L = log((alpha + T) / (alpha + T + t))} and
     * {@code G = (2F1(.., B; ..) - 1) / B} the bracket over {@code a - 1} becomes
     * {@code (1 - e^(B L)) / B - e^(B L) G}, whose parts are computed without dividing by B: the result stays exact
     * as a approaches 1 (fits of daily data often land there), where the textbook form cancels to nothing.
     */
    @Override
    public double[] expectedPurchases(PurchaseHistory h, double[] horizons) {
        double[] result = expectedPurchasesIfAlive(h.frequency(), h.age(), horizons);
        double alive = probabilityAlive(h);
        for (int j = 0; j < result.length; j++) {
            result[j] *= alive;
        }
        return result;
    }

    /**
     * The expected purchases in each horizon of a customer with frequency x and age T who is still active: the
     * conditional expectation without its factor P(alive), and so the same for every recency (a lifetime value of
     * many customers computes it once per distinct (x, T)).
     */
    double[] expectedPurchasesIfAlive(int x, double T, double[] horizons) {
        double[] z = new double[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            nonNegative(horizons[j]);
            z[j] = horizons[j] / (alpha + T + horizons[j]);
        }
        double[] excess = hyp2f1Excess(a + b - 1 - r, a - 1, a + b + x - 1, z);
        double[] result = new double[horizons.length];
        for (int j = 0; j < horizons.length; j++) {
            double logRatio = Math.log((alpha + T) / (alpha + T + horizons[j]));
            double powerMinusOne = Math.expm1((a - 1) * logRatio);
            double oneMinusPowerOverB = a == 1 ? -logRatio : -powerMinusOne / (a - 1);
            result[j] = (a + b + x - 1) * (oneMinusPowerOverB - (1 + powerMinusOne) * excess[j]);
        }
        return result;
    }

    @Override
    public double probabilityAlive(PurchaseHistory h) {
        int x = h.frequency();
        return x == 0 ? 1.0 : probabilityAlive(h, dropoutLogOdds(x));
    }

    /**
     * {@link #probabilityAlive(PurchaseHistory)} of a customer who made a repeat purchase, given
     * {@link #dropoutLogOdds} of its frequency: many customers share a frequency.
     */
    double probabilityAlive(PurchaseHistory h, double dropoutLogOdds) {
        double logOdds = dropoutLogOdds + (r + h.frequency()) * Math.log((alpha + h.age()) / (alpha + h.recency()));
        return 1 / (1 + Math.exp(logOdds));
    }

    /** {@code log(a) - log(b + x - 1)}: the part of P(alive)'s log-odds that depends on the frequency x alone. */
    double dropoutLogOdds(int x) {
        return Math.log(a) - Math.log(b + x - 1);
    }

    /** Probability that a new customer makes exactly {@code n} repeat purchases in the first {@code t} periods. */
    public double probabilityOfPurchases(int n, double t) {
        nonNegative(t);
        if (n < 0) {
            throw AnalyticsException.invalidArgument("n", "must not be negative, was " + n);
        }
        double logBetaAB = logBeta(a, b);
        double logShare = Math.log(alpha / (alpha + t));
        double logRate = t == 0 ? Double.NEGATIVE_INFINITY : Math.log(t / (alpha + t));
        double first = Math.exp(logBeta(a, b + n)
                - logBetaAB
                + logGamma(r + n)
                - logGamma(r)
                - logGamma(n + 1.0)
                + r * logShare
                + (n == 0 ? 0 : n * logRate));
        if (n == 0) {
            return first;
        }
        double partial = 0;
        for (int j = 0; j < n; j++) {
            partial += Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + (j == 0 ? 0 : j * logRate));
        }
        double second = Math.exp(logBeta(a + 1, b + n - 1) - logBetaAB) * (1 - Math.exp(r * logShare) * partial);
        return first + second;
    }

    @Override
    public String toString() {
        return "BgNbdModel" + parameters();
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw AnalyticsException.invalidArgument(name, "must be positive and finite, was " + value);
        }
        return value;
    }

    static void nonNegative(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw AnalyticsException.invalidArgument("t", "must be finite and not negative, was " + t);
        }
    }
}
