package org.crmkit.analytics;

import static org.crmkit.analytics.SpecialFunctions.logGamma;

/**
 * The BG/NBD log-likelihood of weighted histories with its exact gradient and Hessian in (r, alpha, a, b), and the
 * Modified BG/NBD one, which differs only by a shift of one purchase in the dropout terms.
 *
 * <p>Per customer, {@code LL = F(x) - (r + x) log(alpha + T) + log(1 + [x > 0] D)} with
 * {@code D = a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)} (Fader and Hardie's reformulation, finite for any
 * frequency) and {@code F(x)} the log-gamma terms, which depend on x alone and are evaluated once per distinct x.
 * The modified model (a customer may also leave right after the first purchase) has {@code b + x} for
 * {@code b + x - 1}, the term D for every x, and {@code x + 1} for x in the beta-function part of F.
 * Per row that leaves one exponential and one logarithm, the logarithms of {@code alpha + T} and {@code alpha + t_x}
 * being taken once per distinct age and recency. Rows are summed in parallel chunks ({@link ChunkedSum}).
 */
final class BgNbdLikelihood implements SmoothLogLikelihood {

    private static final int VALUE = 0;
    private static final int R = 1;
    private static final int ALPHA = 2;
    private static final int A = 3;
    private static final int B = 4;
    private static final int RR = 5;
    private static final int R_ALPHA = 6;
    private static final int RA = 7;
    private static final int RB = 8;
    private static final int ALPHA_ALPHA = 9;
    private static final int ALPHA_A = 10;
    private static final int ALPHA_B = 11;
    private static final int AA = 12;
    private static final int AB = 13;
    private static final int BB = 14;
    private static final int WIDTH = 15;

    private final WeightedHistories data;
    /** 0 for BG/NBD, 1 for Modified BG/NBD: the purchases after which a customer may drop out start one earlier. */
    private final int shift;
    /** Total weight of the rows with each frequency. */
    private final double[] weightByFrequency;

    /** The BG/NBD likelihood. */
    BgNbdLikelihood(WeightedHistories data) {
        this(data, false);
    }

    /** The BG/NBD likelihood, or with {@code modified} the Modified BG/NBD likelihood. */
    BgNbdLikelihood(WeightedHistories data, boolean modified) {
        this.data = data;
        this.shift = modified ? 1 : 0;
        this.weightByFrequency = new double[data.maxFrequency + 1];
        for (int i = 0; i < data.size(); i++) {
            weightByFrequency[data.frequency[i]] += data.weight[i];
        }
    }

    @Override
    public double evaluate(double[] p, double[] gradient, double[][] hessian) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        boolean derivatives = gradient != null;
        Tables t = new Tables(alpha, a, b, shift, data);
        double[] s = ChunkedSum.of(
                data.size(), derivatives ? WIDTH : 1, (from, to, sums) -> rows(r, a, t, from, to, derivatives, sums));
        byFrequency(r, alpha, a, b, derivatives, s);
        if (derivatives) {
            gradient[0] = s[R];
            gradient[1] = s[ALPHA];
            gradient[2] = s[A];
            gradient[3] = s[B];
            int[][] index = {
                {RR, R_ALPHA, RA, RB},
                {R_ALPHA, ALPHA_ALPHA, ALPHA_A, ALPHA_B},
                {RA, ALPHA_A, AA, AB},
                {RB, ALPHA_B, AB, BB}
            };
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    hessian[i][j] = s[index[i][j]];
                }
            }
        }
        return s[VALUE];
    }

    /** What depends on the parameters and one distinct age, recency or frequency, computed once per evaluation. */
    private static final class Tables {
        final double[] logAge;
        final double[] inverseAge;
        final double[] logRecency;
        final double[] inverseRecency;
        /** log(a / (b + x - 1 + shift)) and 1 / (b + x - 1 + shift) per frequency x >= 1 - shift. */
        final double[] logOdds;

        final double[] inverseB;

        Tables(double alpha, double a, double b, int shift, WeightedHistories data) {
            logAge = new double[data.distinctAges.length];
            inverseAge = new double[logAge.length];
            for (int k = 0; k < logAge.length; k++) {
                logAge[k] = Math.log(alpha + data.distinctAges[k]);
                inverseAge[k] = 1 / (alpha + data.distinctAges[k]);
            }
            logRecency = new double[data.distinctRecencies.length];
            inverseRecency = new double[logRecency.length];
            for (int k = 0; k < logRecency.length; k++) {
                logRecency[k] = Math.log(alpha + data.distinctRecencies[k]);
                inverseRecency[k] = 1 / (alpha + data.distinctRecencies[k]);
            }
            logOdds = new double[data.maxFrequency + 1];
            inverseB = new double[data.maxFrequency + 1];
            double logA = Math.log(a);
            for (int x = 1 - shift; x <= data.maxFrequency; x++) {
                logOdds[x] = logA - Math.log(b + x - 1 + shift);
                inverseB[x] = 1 / (b + x - 1 + shift);
            }
        }
    }

    private void rows(double r, double a, Tables t, int from, int to, boolean derivatives, double[] sums) {
        double ia = 1 / a;
        for (int i = from; i < to; i++) {
            int x = data.frequency[i];
            double w = data.weight[i];
            double k = r + x;
            double logAge = t.logAge[data.ageIndex[i]];
            double iT = t.inverseAge[data.ageIndex[i]];
            if (x + shift == 0) {
                sums[VALUE] -= w * k * logAge;
                if (derivatives) {
                    sums[R] -= w * logAge;
                    sums[ALPHA] -= w * k * iT;
                    sums[R_ALPHA] -= w * iT;
                    sums[ALPHA_ALPHA] += w * k * iT * iT;
                }
                continue;
            }
            double dL = logAge - t.logRecency[data.recencyIndex[i]];
            double u = t.logOdds[x] + k * dL;
            double logOnePlusD;
            double share;
            if (u > 0) {
                double e = Math.exp(-u);
                logOnePlusD = u + Log1p.of(e);
                share = 1 / (1 + e);
            } else {
                double e = Math.exp(u);
                logOnePlusD = Log1p.of(e);
                share = e / (1 + e);
            }
            sums[VALUE] += w * (logOnePlusD - k * logAge);
            if (!derivatives) {
                continue;
            }
            double it = t.inverseRecency[data.recencyIndex[i]];
            double bx = t.inverseB[x];
            double di = iT - it;
            double dA = k * di;
            double v = share * (1 - share);
            double ws = w * share;
            double wv = w * v;
            sums[R] += w * (share * dL - logAge);
            sums[ALPHA] += w * (share * dA - k * iT);
            sums[A] += ws * ia;
            sums[B] -= ws * bx;
            sums[RR] += wv * dL * dL;
            sums[R_ALPHA] += wv * dL * dA + ws * di - w * iT;
            sums[RA] += wv * dL * ia;
            sums[RB] -= wv * dL * bx;
            sums[ALPHA_ALPHA] += wv * dA * dA + ws * k * (it * it - iT * iT) + w * k * iT * iT;
            sums[ALPHA_A] += wv * dA * ia;
            sums[ALPHA_B] -= wv * dA * bx;
            sums[AA] += (wv - ws) * ia * ia;
            sums[AB] -= wv * bx * ia;
            sums[BB] += (wv + ws) * bx * bx;
        }
    }

    /**
     * Adds the log-gamma terms F(x), which depend on the frequency alone, once per distinct frequency. Their
     * derivatives are differences of digamma and trigamma values at arguments x apart, summed exactly by the
     * recurrences {@code psi(z + 1) = psi(z) + 1/z} and {@code psi'(z + 1) = psi'(z) - 1/z^2}. The beta-function
     * part counts {@code m = x + shift} purchases.
     */
    private void byFrequency(double r, double alpha, double a, double b, boolean derivatives, double[] s) {
        double logAlpha = Math.log(alpha);
        double lgR = logGamma(r);
        double lgB = logGamma(b);
        double lgAB = logGamma(a + b);
        double psiR = 0;
        double triR = 0;
        double psiB = shift / b;
        double psiAB = shift / (a + b);
        double triB = -shift / (b * b);
        double triAB = -shift / ((a + b) * (a + b));
        for (int x = 0; x < weightByFrequency.length; x++) {
            int m = x + shift;
            if (x > 0) {
                psiR += 1 / (r + x - 1);
                triR -= 1 / ((r + x - 1) * (r + x - 1));
                psiB += 1 / (b + m - 1);
                psiAB += 1 / (a + b + m - 1);
                triB -= 1 / ((b + m - 1) * (b + m - 1));
                triAB -= 1 / ((a + b + m - 1) * (a + b + m - 1));
            }
            double w = weightByFrequency[x];
            if (w == 0) {
                continue;
            }
            s[VALUE] += w
                    * (r * logAlpha
                            + (x == 0 ? 0 : logGamma(r + x) - lgR)
                            + (m == 0 ? 0 : lgAB + logGamma(b + m) - lgB - logGamma(a + b + m)));
            if (!derivatives) {
                continue;
            }
            s[R] += w * (logAlpha + psiR);
            s[ALPHA] += w * r / alpha;
            s[R_ALPHA] += w / alpha;
            s[ALPHA_ALPHA] -= w * r / (alpha * alpha);
            s[A] -= w * psiAB;
            s[B] += w * (psiB - psiAB);
            s[RR] += w * triR;
            s[AA] -= w * triAB;
            s[AB] -= w * triAB;
            s[BB] += w * (triB - triAB);
        }
    }
}
