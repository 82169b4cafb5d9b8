package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Log1p} against {@link StrictMath#log1p}: within a few units in the last place, exact where that is due. */
class Log1pTest {

    /** The bound Goldberg's Theorem 4 gives with a logarithm good to one unit in the last place, rounded up. */
    private static final long MOST_UNITS_IN_THE_LAST_PLACE = 4;

    @Test
    void randomArgumentsOfEveryMagnitudeAreWithinAFewUnitsInTheLastPlace() {
        Random random = new Random(31);
        for (int i = 0; i < 2_000_000; i++) {
            // the likelihood's arguments lie in (0, 1]; the others are any logarithm's fair game
            assertClose(random.nextDouble());
            assertClose(-random.nextDouble());
            assertClose(Math.exp(-random.nextDouble() * 50));
            assertClose(random.nextDouble() * Math.scalb(1.0, random.nextInt(120) - 60));
            assertClose(Math.abs(Double.longBitsToDouble(random.nextLong())));
        }
    }

    @Test
    void argumentsNearWhereOnePlusXStopsRoundingToOneAreWithinAFewUnitsInTheLastPlace() {
        for (double edge : new double[] {0x1p-53, -0x1p-53, 0x1p-52, -0x1p-54, 1e-16, 1e-15, -0.5, 0.5, 1, 2}) {
            double x = edge;
            for (int step = 0; step < 1000; step++) {
                assertClose(x);
                x = Math.nextUp(x);
            }
        }
    }

    @Test
    void zeroMinusOneTheInfinitiesAndNaNAreExact() {
        assertThat(Double.doubleToRawLongBits(Log1p.of(0.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(Log1p.of(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Log1p.of(-1.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Log1p.of(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Log1p.of(Double.NaN)).isNaN();
        assertThat(Log1p.of(-1.5)).isNaN();
        assertThat(Log1p.of(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(Log1p.of(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Log1p.of(Double.MAX_VALUE)).isEqualTo(StrictMath.log1p(Double.MAX_VALUE));
    }

    private static void assertClose(double x) {
        double expected = StrictMath.log1p(x);
        double actual = Log1p.of(x);
        long apart = Math.abs(Double.doubleToLongBits(actual) - Double.doubleToLongBits(expected));
        assertThat(apart)
                .as("log1p(%s) = %s, StrictMath gives %s", x, actual, expected)
                .isLessThanOrEqualTo(MOST_UNITS_IN_THE_LAST_PLACE);
    }
}
