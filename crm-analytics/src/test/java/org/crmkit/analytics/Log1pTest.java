package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Log1p} gives {@link StrictMath#log1p} to the last bit (any NaN for a NaN), in every branch of fdlibm's
 * algorithm.
 */
class Log1pTest {

    @Test
    void randomArgumentsOfEveryMagnitudeGiveTheBitsStrictMathGives() {
        Random random = new Random(31);
        for (int i = 0; i < 2_000_000; i++) {
            // uniform bits cover every exponent; the likelihood's arguments lie in (0, 1]
            assertSame(Double.longBitsToDouble(random.nextLong()));
            assertSame(random.nextDouble());
            assertSame(-random.nextDouble());
            assertSame(Math.exp(-random.nextDouble() * 50));
            assertSame(random.nextDouble() * Math.scalb(1.0, random.nextInt(120) - 60));
        }
    }

    @Test
    void theEdgesOfEveryBranchGiveTheBitsStrictMathGives() {
        double[] edges = {
            0.0,
            -0.0,
            -1.0,
            -1.0000000000000002,
            -0.9999999999999999,
            1.0,
            0.41421356237309503,
            0.4142135623730951,
            -0.2928932188134524,
            -0.29289321881345254,
            0x1p-29,
            -0x1p-29,
            0x1p-54,
            -0x1p-54,
            0x1p-60,
            0x1p53,
            0x1p54,
            0x1.fffffffffffffp1023,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            0x1.6a09ep0 - 1,
            0x1.6a09fp0 - 1,
            1e-20,
            0.5,
            2,
            3,
            1e300
        };
        for (double edge : edges) {
            for (double x : new double[] {Math.nextDown(edge), edge, Math.nextUp(edge)}) {
                assertSame(x);
            }
        }
    }

    private static void assertSame(double x) {
        assertThat(Double.doubleToLongBits(Log1p.of(x)))
                .as("log1p(%s)", x)
                .isEqualTo(Double.doubleToLongBits(StrictMath.log1p(x)));
    }
}
