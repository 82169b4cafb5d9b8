package org.crmkit.analytics;

import static org.crmkit.analytics.BgNbdModel.positive;
import static org.crmkit.analytics.SpecialFunctions.logBeta;
import static org.crmkit.analytics.SpecialFunctions.logSumExp;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * The BG/BB model of Fader, Hardie and Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 * setting": at each transaction opportunity an active customer transacts with probability p drawn from Beta(alpha,
 * beta) across customers, and before each opportunity after the first drops out for good with probability theta
 * drawn from Beta(gamma, delta).
 *
 * <p>The likelihood of (x, t_x, n) is
 * {@code B(alpha+x, beta+n-x)/B(alpha,beta) * B(gamma, delta+n)/B(gamma,delta)
 * + sum over i = 0..n-t_x-1 of B(alpha+x, beta+t_x-x+i)/B(alpha,beta) * B(gamma+1, delta+t_x+i)/B(gamma,delta)},
 * evaluated in log space. Customers with the same (x, t_x, n) are fitted once with their count as weight. Immutable
 * and thread-safe.
 */
public final class BgBbModel {

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;
    private final ModelFit estimation;

    private BgBbModel(double[] p, ModelFit estimation) {
        this.alpha = positive("alpha", p[0]);
        this.beta = positive("beta", p[1]);
        this.gamma = positive("gamma", p[2]);
        this.delta = positive("delta", p[3]);
        this.estimation = estimation;
    }

    /** A model with known parameters, all positive and finite. */
    public static BgBbModel of(double alpha, double beta, double gamma, double delta) {
        return new BgBbModel(new double[] {alpha, beta, gamma, delta}, null);
    }

    /** Fits the model to one history per customer; see {@link #fit(Map, FitOptions)}. */
    public static BgBbModel fit(Collection<DiscreteHistory> histories, FitOptions options) {
        Map<DiscreteHistory, Long> counts = new HashMap<>();
        for (DiscreteHistory h : histories) {
            counts.merge(h, 1L, Long::sum);
        }
        return fit(counts, options);
    }

    /**
     * Fits the model by maximum likelihood to aggregated data: the number of customers per (x, t_x, n) pattern, the
     * form in which such data are usually published.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INSUFFICIENT_DATA} when there is no customer,
     *                            nobody transacted, or the data cannot identify a parameter; with
     *                            {@link AnalyticsException.Reason#FIT_FAILED} when the optimiser does not converge
     */
    public static BgBbModel fit(Map<DiscreteHistory, Long> customersPerPattern, FitOptions options) {
        int n = customersPerPattern.size();
        int[] x = new int[n];
        int[] tx = new int[n];
        int[] opportunities = new int[n];
        double[] weight = new double[n];
        double total = 0;
        boolean anyTransaction = false;
        int i = 0;
        for (Map.Entry<DiscreteHistory, Long> e : customersPerPattern.entrySet()) {
            DiscreteHistory h = Require.notNull(e.getKey(), "history");
            long count = e.getValue();
            if (count < 0) {
                throw AnalyticsException.invalidArgument("weight", "must not be negative, was " + count + " for " + h);
            }
            x[i] = h.frequency();
            tx[i] = h.recency();
            opportunities[i] = h.opportunities();
            weight[i] = count;
            total += count;
            anyTransaction |= count > 0 && h.frequency() > 0;
            i++;
        }
        if (total == 0) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA, "histories", "no customer to fit the model to");
        }
        if (!anyTransaction) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    "frequency",
                    "no customer transacted, so the transaction probability cannot be estimated");
        }
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.fit(
                "bg-bb",
                NAMES,
                p -> logLikelihood(p, x, tx, opportunities, weight),
                total,
                new double[] {1, 1, 1, 1},
                options);
        return new BgBbModel(estimate.parameters(), ModelFit.of(estimate, total));
    }

    private static double logLikelihood(double[] p, int[] x, int[] tx, int[] n, double[] weight) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (weight[i] > 0) {
                sum += weight[i] * logLikelihood(p[0], p[1], p[2], p[3], x[i], tx[i], n[i]);
            }
        }
        return sum;
    }

    private static double logLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
        double lbAB = logBeta(alpha, beta);
        double lbGD = logBeta(gamma, delta);
        double result = logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
        for (int i = 0; i < n - tx; i++) {
            result = logSumExp(
                    result, logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) - lbGD);
        }
        return result;
    }

    /** The parameters {@code alpha}, {@code beta}, {@code gamma}, {@code delta}. */
    public Map<String, Double> parameters() {
        return MaximumLikelihood.named(NAMES, new double[] {alpha, beta, gamma, delta});
    }

    /** How the parameters were estimated; empty for a model built from known parameters. */
    public Optional<ModelFit> estimation() {
        return Optional.ofNullable(estimation);
    }

    /** Log-likelihood of one customer's history under this model. */
    public double logLikelihood(DiscreteHistory h) {
        return logLikelihood(alpha, beta, gamma, delta, h.frequency(), h.recency(), h.opportunities());
    }

    /**
     * Expected number of transactions of a new customer in the first {@code opportunities} opportunities:
     * {@code alpha/(alpha+beta) * sum over k = 1..n of B(gamma, delta+k)/B(gamma, delta)}.
     */
    public double expectedTransactions(int opportunities) {
        nonNegative(opportunities);
        double lbGD = logBeta(gamma, delta);
        double sum = 0;
        for (int k = 1; k <= opportunities; k++) {
            sum += Math.exp(logBeta(gamma, delta + k) - lbGD);
        }
        return alpha / (alpha + beta) * sum;
    }

    /**
     * Expected number of transactions of a customer with this history in the next {@code opportunities}
     * opportunities (n+1 .. n+n*): the sum over those opportunities of the posterior probability of being alive and
     * transacting there, {@code sum over k of B(alpha+x+1, beta+n-x)/B(alpha,beta) * B(gamma, delta+n+k)/B(gamma,
     * delta) / L}, which equals the closed form of Fader, Hardie and Shang's equation (13) and stays finite at
     * {@code gamma = 1}.
     */
    public double expectedTransactions(DiscreteHistory h, int opportunities) {
        nonNegative(opportunities);
        int x = h.frequency();
        int n = h.opportunities();
        double lbGD = logBeta(gamma, delta);
        double logPrefix = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - logLikelihood(h);
        double sum = 0;
        for (int k = 1; k <= opportunities; k++) {
            sum += Math.exp(logPrefix + logBeta(gamma, delta + n + k) - lbGD);
        }
        return sum;
    }

    /**
     * Probability that a customer with this history is still alive at the next opportunity, n + 1:
     * {@code B(alpha+x, beta+n-x)/B(alpha,beta) * B(gamma, delta+n+1)/B(gamma,delta) / L}.
     */
    public double probabilityAlive(DiscreteHistory h) {
        int x = h.frequency();
        int n = h.opportunities();
        return Math.exp(logBeta(alpha + x, beta + n - x)
                - logBeta(alpha, beta)
                + logBeta(gamma, delta + n + 1)
                - logBeta(gamma, delta)
                - logLikelihood(h));
    }

    @Override
    public String toString() {
        return "BgBbModel" + parameters();
    }

    private static void nonNegative(int opportunities) {
        if (opportunities < 0) {
            throw AnalyticsException.invalidArgument("opportunities", "must not be negative, was " + opportunities);
        }
    }
}
