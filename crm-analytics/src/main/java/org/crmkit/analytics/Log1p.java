package org.crmkit.analytics;

/**
 * {@code log(1 + x)} through {@link Math#log}, which the JVM computes in its own code (an intrinsic), where JDK 17's
 * {@link Math#log1p} is a native call into C that costs more than the arithmetic; the BG/NBD likelihood takes one per
 * distinct history and evaluation.
 *
 * <p>The sum {@code u = 1 + x} loses the low bits of a small {@code x}; {@code log(u) * x / (u - 1)} puts them back,
 * since {@code x / (u - 1)} is the ratio of the true sum's distance from 1 to the rounded one's (the identity is
 * Theorem 4 of Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991). The
 * result is within a few units in the last place of {@link StrictMath#log1p}.
 */
final class Log1p {

    private Log1p() {}

    /** {@code log(1 + x)}: exact for 0, -0, -1 and the infinities, a NaN for a NaN or any x below -1. */
    static double of(double x) {
        double u = 1.0 + x;
        if (u == 1.0) {
            // |x| is under half a unit in the last place of 1, where log(1 + x) rounds to x itself
            return x;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return u;
        }
        return Math.log(u) * (x / (u - 1.0));
    }
}
