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
    /** Where Hipparchus' digamma series is accurate to 2e-14. */
    private static final double DIGAMMA_ASYMPTOTIC = 1000;

    private SpecialFunctions() {}

    static double logGamma(double x) {
        return Gamma.logGamma(x);
    }

    /**
     * The digamma function to about 3e-14. Hipparchus' {@code Gamma.digamma} is off by about 3e-9 for
     * arguments below 49 (its asymptotic series carries the {@code x^-4} term with the wrong sign; the error falls as
     * {@code x^-4}), which is more than a Newton step can tolerate, so the argument is first raised past
     * {@value #DIGAMMA_ASYMPTOTIC} by {@code psi(x) = psi(x + 1) - 1/x}, where that error is below 2e-14.
     */
    static double digamma(double x) {
        double shift = 0;
        double z = x;
        while (z < DIGAMMA_ASYMPTOTIC) {
            shift -= 1 / z;
            z += 1;
        }
        return Gamma.digamma(z) + shift;
    }

    /** The trigamma function (Hipparchus, accurate to about 1e-13). */
    static double trigamma(double x) {
        return Gamma.trigamma(x);
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
            throw new AnalyticsException(
                    AnalyticsException.Reason.FIT_FAILED,
                    "hypergeometric",
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
        throw new AnalyticsException(
                AnalyticsException.Reason.FIT_FAILED,
                "hypergeometric",
                "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + SERIES_MAX_TERMS + " terms");
    }

    /**
     * {@code (2F1(a, b; c; z[j]) - 1) / b} for every j, for any real {@code a, b}, {@code c > 0} and
     * {@code 0 <= z[j] < 1}: the power series without its leading 1 and with the factor b of every other term
     * divided out, so it stays exact as b goes to 0 (where {@code 2F1 - 1} itself would cancel). The series of all
     * arguments are summed together, the coefficient of each term computed once. Terms may change sign only while
     * {@code a + k} or {@code b + k} is negative; from then on an argument's sum stops when the term falls below
     * 1e-15 of the sum with the term ratio bounded by {@code max(|ratio|, z) < 1}, the bound of the remaining ratios
     * when they approach z monotonically. A series with a non-positive integer a or b ends exactly.
     */
    static double[] hyp2f1Excess(double a, double b, double c, double[] z) {
        int n = z.length;
        double[] sum = new double[n];
        double[] term = new double[n];
        boolean[] done = new boolean[n];
        int open = n;
        for (int j = 0; j < n; j++) {
            if (!(z[j] >= 0 && z[j] < 1) || !(c > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
                throw new AnalyticsException(
                        AnalyticsException.Reason.FIT_FAILED,
                        "hypergeometric",
                        "2F1(" + a + ", " + b + "; " + c + "; " + z[j] + ") is outside 0 <= z < 1 with c > 0");
            }
            term[j] = a / c * z[j];
            sum[j] = term[j];
            if (term[j] == 0) {
                done[j] = true;
                open--;
            }
        }
        double settled = Math.max(0, Math.max(-a, -b));
        for (int k = 1; k < SERIES_MAX_TERMS && open > 0; k++) {
            double coefficient = (a + k) * (b + k) / ((c + k) * (k + 1.0));
            for (int j = 0; j < n; j++) {
                if (done[j]) {
                    continue;
                }
                double ratio = coefficient * z[j];
                term[j] *= ratio;
                sum[j] += term[j];
                double bound = Math.max(Math.abs(ratio), z[j]);
                if (term[j] == 0
                        || k + 1 >= settled
                                && bound < 1
                                && Math.abs(term[j]) * bound <= SERIES_TOLERANCE * Math.abs(sum[j]) * (1 - bound)) {
                    done[j] = true;
                    open--;
                }
            }
        }
        if (open > 0) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.FIT_FAILED,
                    "hypergeometric",
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
        return u > -Math.log(2) ? Math.log(-Math.expm1(u)) : Log1p.of(-Math.exp(u));
    }

    /** (1 - exp(k * logRatio)) / k, continuous at k = 0 where it equals -logRatio. */
    static double oneMinusPowerOverExponent(double k, double logRatio) {
        if (Math.abs(k) < 1e-12) {
            return -logRatio;
        }
        return -Math.expm1(k * logRatio) / k;
    }
}
