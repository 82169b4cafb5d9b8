package org.crmkit.analytics;

import static org.crmkit.analytics.BgNbdModel.positive;
import static org.crmkit.analytics.SpecialFunctions.digamma;
import static org.crmkit.analytics.SpecialFunctions.logGamma;
import static org.crmkit.analytics.SpecialFunctions.trigamma;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"; Colombo and Jiang 1999): the values of a
 * customer's purchases are Gamma(p, nu) with nu drawn from Gamma(q, gamma) across customers. It is fitted to the
 * customers with at least one repeat purchase and assumes spend is independent of purchase frequency.
 */
public final class GammaGammaModel {

    private static final String[] NAMES = {"p", "q", "gamma"};

    private final double p;
    private final double q;
    private final double gamma;
    private final ModelFit estimation;

    private GammaGammaModel(double[] values, ModelFit estimation) {
        this.p = positive("p", values[0]);
        this.q = positive("q", values[1]);
        this.gamma = positive("gamma", values[2]);
        this.estimation = estimation;
    }

    /** A model with known parameters, all positive and finite. */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(new double[] {p, q, gamma}, null);
    }

    /**
     * Fits the model to the customers with {@code frequency > 0} and a positive monetary value; the others carry no
     * spend information a Gamma distribution can explain (free repeat orders average 0) and are skipped.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INSUFFICIENT_DATA} when fewer than two
     *                            customers have repeat purchases, or as {@link BgNbdModel#fit} does
     */
    public static GammaGammaModel fit(Collection<SpendHistory> histories, FitOptions options) {
        List<SpendHistory> repeaters = new ArrayList<>(histories.size());
        for (SpendHistory h : histories) {
            if (isRepeater(h)) {
                repeaters.add(h);
            }
        }
        return fit(new Repeaters(repeaters, null), options);
    }

    /**
     * Fits the model to customers already counted per (x, zbar), as a distributed run collects them; the repeaters
     * among them are fitted as {@link #fit(Collection, FitOptions)} fits them one by one, so the estimates agree to
     * the rounding of the sums (10 significant digits and more). Patterns counted 0 are ignored.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INVALID_ARGUMENT} naming {@code weight} when a
     *                            count is negative, otherwise as {@link #fit(Collection, FitOptions)}
     */
    public static GammaGammaModel fit(Map<SpendHistory, Long> customersPerHistory, FitOptions options) {
        List<SpendHistory> repeaters = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        customersPerHistory.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(SpendHistory::frequency)
                        .thenComparingDouble(SpendHistory::monetaryValue)))
                .forEach(e -> {
                    SpendHistory h = Require.notNull(e.getKey(), "history");
                    long count = Require.notNull(e.getValue(), "weight");
                    if (count < 0) {
                        throw AnalyticsException.invalidArgument(
                                "weight", "must not be negative, was " + count + " for " + h);
                    }
                    if (count > 0 && isRepeater(h)) {
                        repeaters.add(h);
                        counts.add(count);
                    }
                });
        return fit(new Repeaters(repeaters, counts), options);
    }

    private static boolean isRepeater(SpendHistory h) {
        return h.frequency() > 0 && h.monetaryValue() > 0;
    }

    private static GammaGammaModel fit(Repeaters data, FitOptions options) {
        if (data.customers < 2) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    "gamma-gamma",
                    "needs at least two customers with repeat purchases, got " + (long) data.customers);
        }
        double[] start = {1, 2, data.spend / data.customers};
        MaximumLikelihood.Estimate estimate =
                MaximumLikelihood.fit("gamma-gamma", NAMES, data, data.customers, start, options);
        return new GammaGammaModel(estimate.parameters(), ModelFit.of(estimate, data.customers));
    }

    /**
     * The repeaters with everything that does not depend on the parameters summed once: per customer the likelihood
     * needs only {@code log(gamma + x zbar)} (and its reciprocal for the derivatives); the log-gamma, digamma and
     * trigamma terms depend on x alone and are evaluated per distinct x.
     */
    static final class Repeaters implements SmoothLogLikelihood {
        private static final int LOG_SUM = 0;
        private static final int X_LOG_SUM = 1;
        private static final int INVERSE_SUM = 2;
        private static final int X_INVERSE_SUM = 3;
        private static final int INVERSE_SQUARE_SUM = 4;
        private static final int X_INVERSE_SQUARE_SUM = 5;

        /** The sums of the rows that do not depend on the parameters, by these indexes. */
        private static final int X_LOG_M = 0;

        private static final int LOG_M = 1;
        private static final int X_LOG_X = 2;
        private static final int CUSTOMERS = 3;
        private static final int SPEND = 4;

        private final int[] frequency;
        private final double[] totalSpend;
        /** Customers per row: 1 for customers given one by one. */
        private final double[] weight;

        private final double[] customersWithFrequency;
        private final double sumXLogM;
        private final double sumLogM;
        private final double sumXLogX;
        /** The total weight, and the weighted sum of the mean spends (the start of the fit). */
        final double customers;

        final double spend;

        /** The repeaters, each counted {@code counts} times (once when {@code counts} is null). */
        Repeaters(List<SpendHistory> repeaters, List<Long> counts) {
            int rows = repeaters.size();
            frequency = new int[rows];
            totalSpend = new double[rows];
            weight = new double[rows];
            // Each row's fields and logarithms gathered in parallel (a cache miss or two per object), their sums in
            // row order (as one thread adds them); totalSpend holds the mean spend until the sums.
            double[] logMonetary = new double[rows];
            double[] logFrequency = new double[rows];
            ChunkedSum.forEachChunk(rows, (from, to) -> {
                for (int i = from; i < to; i++) {
                    SpendHistory h = repeaters.get(i);
                    frequency[i] = h.frequency();
                    totalSpend[i] = h.monetaryValue();
                    logMonetary[i] = Math.log(h.monetaryValue());
                    logFrequency[i] = Math.log(h.frequency());
                }
            });
            double[] sums = sums(counts, logMonetary, logFrequency);
            customersWithFrequency = customersWithFrequency(frequency, weight);
            sumXLogM = sums[X_LOG_M];
            sumLogM = sums[LOG_M];
            sumXLogX = sums[X_LOG_X];
            customers = sums[CUSTOMERS];
            spend = sums[SPEND];
        }

        // The constructor's loops are methods of their own, each compiled on its own: a fit builds its repeaters
        // once, so they are compiled while they run (on-stack replacement), one method holding all of them again
        // for each loop.

        /**
         * Fills the weights and the total spends (from the mean spends gathered) and adds up the terms that do not
         * depend on the parameters, in row order.
         */
        private double[] sums(List<Long> counts, double[] logMonetary, double[] logFrequency) {
            double[] sums = new double[SPEND + 1];
            for (int i = 0; i < frequency.length; i++) {
                double w = counts == null ? 1 : counts.get(i);
                int x = frequency[i];
                double monetary = totalSpend[i];
                totalSpend[i] = x * monetary;
                weight[i] = w;
                double lm = logMonetary[i];
                sums[X_LOG_M] += w * x * lm;
                sums[LOG_M] += w * lm;
                sums[X_LOG_X] += w * x * logFrequency[i];
                sums[CUSTOMERS] += w;
                sums[SPEND] += w * monetary;
            }
            return sums;
        }

        /** The total weight of the rows with each frequency, up to the largest. */
        private static double[] customersWithFrequency(int[] frequency, double[] weight) {
            double[] customers = new double[WeightedHistories.max(frequency) + 1];
            for (int i = 0; i < frequency.length; i++) {
                customers[frequency[i]] += weight[i];
            }
            return customers;
        }

        @Override
        public double evaluate(double[] v, double[] gradient, double[][] hessian) {
            double p = v[0];
            double q = v[1];
            double gamma = v[2];
            boolean derivatives = gradient != null;
            double[] s = ChunkedSum.of(frequency.length, derivatives ? 6 : 2, (from, to, sums) -> {
                for (int i = from; i < to; i++) {
                    double w = weight[i];
                    double x = frequency[i];
                    double log = Math.log(gamma + totalSpend[i]);
                    sums[LOG_SUM] += w * log;
                    sums[X_LOG_SUM] += w * x * log;
                    if (derivatives) {
                        double inverse = 1 / (gamma + totalSpend[i]);
                        sums[INVERSE_SUM] += w * inverse;
                        sums[X_INVERSE_SUM] += w * x * inverse;
                        sums[INVERSE_SQUARE_SUM] += w * inverse * inverse;
                        sums[X_INVERSE_SQUARE_SUM] += w * x * inverse * inverse;
                    }
                }
            });
            double n = customers;
            double total = n * (q * Math.log(gamma) - logGamma(q))
                    + p * (sumXLogM + sumXLogX)
                    - sumLogM
                    - p * s[X_LOG_SUM]
                    - q * s[LOG_SUM];
            double gp = sumXLogM + sumXLogX - s[X_LOG_SUM];
            double gq = n * (Math.log(gamma) - digamma(q)) - s[LOG_SUM];
            double pp = 0;
            double pq = 0;
            double qq = -n * trigamma(q);
            for (int x = 1; x < customersWithFrequency.length; x++) {
                double c = customersWithFrequency[x];
                if (c == 0) {
                    continue;
                }
                total += c * (logGamma(p * x + q) - logGamma(p * x));
                if (derivatives) {
                    double psi = digamma(p * x + q);
                    double tri = trigamma(p * x + q);
                    gp += c * x * (psi - digamma(p * x));
                    gq += c * psi;
                    pp += c * (double) x * x * (tri - trigamma(p * x));
                    pq += c * x * tri;
                    qq += c * tri;
                }
            }
            if (derivatives) {
                gradient[0] = gp;
                gradient[1] = gq;
                gradient[2] = n * q / gamma - p * s[X_INVERSE_SUM] - q * s[INVERSE_SUM];
                double[][] h = {
                    {pp, pq, -s[X_INVERSE_SUM]},
                    {pq, qq, n / gamma - s[INVERSE_SUM]},
                    {
                        -s[X_INVERSE_SUM],
                        n / gamma - s[INVERSE_SUM],
                        -n * q / (gamma * gamma) + p * s[X_INVERSE_SQUARE_SUM] + q * s[INVERSE_SQUARE_SUM]
                    }
                };
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(h[i], 0, hessian[i], 0, 3);
                }
            }
            return total;
        }
    }

    /** The parameters {@code p}, {@code q}, {@code gamma}. */
    public Map<String, Double> parameters() {
        return MaximumLikelihood.named(NAMES, new double[] {p, q, gamma});
    }

    /** How the parameters were estimated; empty for a model built from known parameters. */
    public Optional<ModelFit> estimation() {
        return Optional.ofNullable(estimation);
    }

    /**
     * Expected value of the customer's future purchases given the history: a weighted mean of the population mean
     * {@code p gamma / (q - 1)} and the customer's own mean, {@code p (gamma + x zbar) / (p x + q - 1)}.
     *
     * @throws AnalyticsException when {@code q <= 1} and the customer has no repeat purchase (the population mean
     *                            is then infinite)
     */
    public double expectedSpend(SpendHistory h) {
        return expectedSpend(h.frequency(), h.monetaryValue());
    }

    /** {@link #expectedSpend(SpendHistory)} of a spend history's frequency and monetary value, without the object. */
    double expectedSpend(int frequency, double monetaryValue) {
        double denominator = p * frequency + q - 1;
        if (!(denominator > 0)) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    "q",
                    "q = " + q + " <= 1: the mean spend of a customer without repeat purchases is infinite");
        }
        return p * (gamma + frequency * monetaryValue) / denominator;
    }

    @Override
    public String toString() {
        return "GammaGammaModel" + parameters();
    }
}
