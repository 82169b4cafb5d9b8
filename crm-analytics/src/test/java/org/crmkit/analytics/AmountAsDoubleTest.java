package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Money#toDouble} gives {@code BigDecimal.doubleValue()} to the last bit, ties to even included, for the
 * amounts it converts itself (more than 52 bits unscaled, up to 18 digits and decimals) and the others.
 */
class AmountAsDoubleTest {

    @Test
    void meanSpendsOfSixteenDigitsAreTheDoublesTheJdkGives() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000_000; i++) {
            BigDecimal repeatSpend = BigDecimal.valueOf(1 + random.nextInt(100_000_000), random.nextInt(5));
            BigDecimal mean = repeatSpend.divide(BigDecimal.valueOf(1 + random.nextInt(300)), MathContext.DECIMAL64);
            assertSameDouble(mean);
            assertSameDouble(mean.negate());
        }
    }

    @Test
    void amountsOfEveryLengthAndScaleAreTheDoublesTheJdkGives() {
        Random random = new Random(11);
        for (int i = 0; i < 1_000_000; i++) {
            long unscaled = random.nextLong() >>> (1 + random.nextInt(20));
            assertSameDouble(BigDecimal.valueOf(unscaled, random.nextInt(22) - 2));
        }
    }

    @Test
    void amountsHalfwayBetweenTwoDoublesRoundToTheEvenOne() {
        Random random = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            // doubles from 2^52 to 2^53 are the whole numbers; halfway is .5
            long whole = (1L << 52) + (random.nextLong() >>> 12);
            assertSameDouble(BigDecimal.valueOf(10 * whole + 5, 1));
            // from 2^51 to 2^52 they are half apart; halfway is .25 or .75
            long half = (1L << 51) + (random.nextLong() >>> 13);
            assertSameDouble(BigDecimal.valueOf(100 * half + 25, 2));
            assertSameDouble(BigDecimal.valueOf(100 * half + 75, 2));
            assertSameDouble(BigDecimal.valueOf(100 * half + 74, 2));
            assertSameDouble(BigDecimal.valueOf(100 * half + 76, 2));
        }
        assertThat(Money.toDouble(new BigDecimal("4503599627370496.5"))).isEqualTo(4503599627370496.0);
        assertThat(Money.toDouble(new BigDecimal("4503599627370497.5"))).isEqualTo(4503599627370498.0);
    }

    private static void assertSameDouble(BigDecimal amount) {
        assertThat(Double.doubleToRawLongBits(Money.toDouble(amount)))
                .as("%s", amount)
                .isEqualTo(Double.doubleToRawLongBits(amount.doubleValue()));
    }
}
