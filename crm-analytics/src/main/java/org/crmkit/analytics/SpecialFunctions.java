package org.crmkit.analytics;

import org.hipparchus.special.Gamma;

/**
 * Special functions the likelihoods need beyond Hipparchus: the Gauss hypergeometric function (Hipparchus has none)
 * and stable log-space sums. Log-gamma comes from Hipparchus.
 */
final class SpecialFunctions {

    /** Relative size below which a series term no longer changes the sum. */
    private static final double SERIES_TOLERANCE = 1e-15;
    /** Enough for {@code z} up to about 0.9995 with the parameters the models produce. */
    private static final int SERIES_MAX_TERMS = 1_000_000;

    private SpecialFunctions() {
    }

    static double logGamma(double x) {
        return Gamma.logGamma(x);
    }

    static double logBeta(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }

    /**
     * Gauss hypergeometric function 2F1(a, b; c; z) for {@code a, b, c > 0} and {@code 0 <= z < 1}, by its power
     * series. Every term is then positive, so the partial sums increase and the series is summed until a term falls
     * below 1e-15 of the sum while the term ratio is below 1 (from then on the remaining tail is at most
     * term * ratio / (1 - ratio), and the ratio keeps decreasing toward z). Past a million terms it gives up with an
     * {@link AnalyticsException}, which happens only for z within about 5e-4 of 1.
     */
    static double hyp2f1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1) || !(a > 0 && b > 0 && c > 0)) {
            throw new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, "hypergeometric",
                    "2F1(" + a + ", " + b + "; " + c + "; " + z + ") is outside 0 <= z < 1 with positive parameters");
        }
        double term = 1.0;
        double sum = 1.0;
        for (int k = 0; k < SERIES_MAX_TERMS; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (ratio < 1 && term * ratio / (1 - ratio) <= SERIES_TOLERANCE * sum) {
                return sum;
            }
        }
        throw new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, "hypergeometric",
                "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + SERIES_MAX_TERMS + " terms");
    }

    /**
     * 2F1(a, b; c; z[j]) for every j, summing the power series of all arguments together: the coefficient of each
     * term is computed once and the stopping rule of {@link #hyp2f1(double, double, double, double)} is applied to
     * each argument.
     */
    static double[] hyp2f1(double a, double b, double c, double[] z) {
        int n = z.length;
        double[] sum = new double[n];
        double[] term = new double[n];
        boolean[] done = new boolean[n];
        int open = n;
        for (int j = 0; j < n; j++) {
            if (!(z[j] >= 0 && z[j] < 1) || !(a > 0 && b > 0 && c > 0)) {
                throw new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, "hypergeometric",
                        "2F1(" + a + ", " + b + "; " + c + "; " + z[j]
                                + ") is outside 0 <= z < 1 with positive parameters");
            }
            sum[j] = 1.0;
            term[j] = 1.0;
        }
        for (int k = 0; k < SERIES_MAX_TERMS && open > 0; k++) {
            double coefficient = (a + k) * (b + k) / ((c + k) * (k + 1.0));
            for (int j = 0; j < n; j++) {
                if (done[j]) {
                    continue;
                }
                double ratio = coefficient * z[j];
                term[j] *= ratio;
                sum[j] += term[j];
                if (ratio < 1 && term[j] * ratio / (1 - ratio) <= SERIES_TOLERANCE * sum[j]) {
                    done[j] = true;
                    open--;
                }
            }
        }
        if (open > 0) {
            throw new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, "hypergeometric",
                    "2F1(" + a + ", " + b + "; " + c + "; z) did not converge in " + SERIES_MAX_TERMS + " terms");
        }
        return sum;
    }

    /** log(exp(x) + exp(y)) without overflow; either may be negative infinity. */
    static double logSumExp(double x, double y) {
        double max = Math.max(x, y);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(x - max) + Math.exp(y - max));
    }

    /** log(1 - exp(u)) for {@code u <= 0}, accurate near 0 and for large negative u. */
    static double log1mExp(double u) {
        if (u >= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return u > -Math.log(2) ? Math.log(-Math.expm1(u)) : Math.log1p(-Math.exp(u));
    }

    /** (1 - exp(k * logRatio)) / k, continuous at k = 0 where it equals -logRatio. */
    static double oneMinusPowerOverExponent(double k, double logRatio) {
        if (Math.abs(k) < 1e-12) {
            return -logRatio;
        }
        return -Math.expm1(k * logRatio) / k;
    }
}
