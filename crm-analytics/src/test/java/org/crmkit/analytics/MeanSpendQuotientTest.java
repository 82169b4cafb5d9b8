package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Money#quotient} gives what {@code BigDecimal.divide} to {@link Money#CONTEXT} gives, digits and scale, for
 * exact and rounded quotients, halfway remainders, carries to a seventeenth digit and dividends of every length.
 */
class MeanSpendQuotientTest {

    @Test
    void quotientsOfEveryLengthScaleAndDivisorAreTheJdksDigitsAndScale() {
        Random random = new Random(37);
        for (int i = 0; i < 2_000_000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            int scale = random.nextInt(19);
            int divisor = switch (random.nextInt(4)) {
                case 0 -> 1 + random.nextInt(9);
                case 1 -> 1 + random.nextInt(130);
                case 2 -> 1 + random.nextInt(100_000);
                default -> 1 + random.nextInt(Integer.MAX_VALUE);
            };
            assertSameQuotient(unscaled, scale, divisor);
        }
    }

    @Test
    void halfwayAndCarryingQuotientsAreTheJdksDigitsAndScale() {
        Random random = new Random(41);
        for (int i = 0; i < 200_000; i++) {
            // x.5 at the 17th digit: ties to even, and 9999...95 carrying to 10^16
            long unscaled = (random.nextLong() >>> (1 + random.nextInt(50))) * 2 + 1;
            assertSameQuotient(unscaled, random.nextInt(12), 2);
            assertSameQuotient(19_999_999_999_999_999L, random.nextInt(12), 2);
            assertSameQuotient(99_999_999_999_999_995L - random.nextInt(20), random.nextInt(12), 10);
        }
        for (long unscaled : new long[] {0, 1, -1, 7, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            for (int divisor : new int[] {1, 2, 3, 7, 10, 99, 100, 101, 1_000_000_007, Integer.MAX_VALUE}) {
                assertSameQuotient(unscaled, 2, divisor);
            }
        }
    }

    private static void assertSameQuotient(long unscaled, int scale, int divisor) {
        BigDecimal expected = BigDecimal.valueOf(unscaled, scale).divide(BigDecimal.valueOf(divisor), Money.CONTEXT);
        BigDecimal actual = Money.quotient(unscaled, scale, divisor);
        assertThat(actual.unscaledValue())
                .as("%s / %d", BigDecimal.valueOf(unscaled, scale), divisor)
                .isEqualTo(expected.unscaledValue());
        assertThat(actual.scale())
                .as("%s / %d", BigDecimal.valueOf(unscaled, scale), divisor)
                .isEqualTo(expected.scale());
    }
}
