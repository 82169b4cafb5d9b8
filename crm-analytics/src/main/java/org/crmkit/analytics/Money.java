package org.crmkit.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Conversions between the exact amounts of the input and the doubles of the statistics, and the limits of an amount
 * read: those of crm-core's {@link org.crmkit.core.common.Money}.
 */
final class Money {

    /** Precision of averages and of values that come out of a model: 16 significant digits, half-even. */
    static final MathContext CONTEXT = MathContext.DECIMAL64;

    /** The limits an amount read must keep, as a sentence. */
    static final String LIMITS = "the limits of an amount: at most "
            + org.crmkit.core.common.Money.MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + org.crmkit.core.common.Money.MAX_DECIMALS + " after it";

    private Money() {}

    /** A model's estimate as an amount with the given number of decimals. */
    static BigDecimal ofEstimate(double value, int scale) {
        if (!Double.isFinite(value)) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.FIT_FAILED, "estimate", "a model produced a non-finite amount " + value);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** What {@link #timesPowerOfTen} gives for a product beyond a long. */
    private static final long OVERFLOW = Long.MIN_VALUE;

    /** 10^0 to 10^18. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * The double nearest the amount, ties to even: {@code amount.doubleValue()} to the last bit. JDK 17 converts an
     * amount of more than 52 bits unscaled (a mean of 16 significant digits often is) through its text; here such an
     * amount of up to 18 digits and 18 decimals is converted as the quotient of its unscaled value and a power of
     * ten, the nearest double of which is found by comparing the exact quotient with the midpoints around a first
     * estimate in 128-bit integers.
     */
    static double toDouble(BigDecimal amount) {
        int scale = amount.scale();
        int precision = amount.precision();
        if (scale <= 0 || scale >= POWERS_OF_TEN.length || precision <= 15 || precision >= POWERS_OF_TEN.length) {
            // up to 15 digits the JDK divides too, without the unscaled value as an object
            return amount.doubleValue();
        }
        // the unscaled value of a scale-0 amount, without the BigInteger that unscaledValue() makes of it
        long unscaled = amount.scaleByPowerOfTen(scale).longValue();
        long magnitude = Math.abs(unscaled);
        if (magnitude < 1L << 52) {
            // exact as a double: one division, rounded as IEEE rounds, is the nearest (as the JDK does it too)
            return unscaled / (double) POWERS_OF_TEN[scale];
        }
        double nearest = nearestQuotient(magnitude, POWERS_OF_TEN[scale]);
        if (Double.isNaN(nearest)) {
            return amount.doubleValue();
        }
        return unscaled < 0 ? -nearest : nearest;
    }

    /**
     * The double nearest {@code numerator / denominator} (both positive, the denominator under 2^60), ties to even;
     * NaN where the comparisons would not fit 128 bits or the estimate sits at a power of two (whose lower neighbour
     * is nearer), which the caller converts the slow way.
     */
    private static double nearestQuotient(long numerator, long denominator) {
        double estimate = (double) numerator / (double) denominator;
        for (int step = 0; step < 3; step++) {
            long bits = Double.doubleToRawLongBits(estimate);
            int exponent = (int) (bits >>> 52);
            long mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
            // estimate = mantissa * 2^e; the midpoints to its neighbours are (2 mantissa +- 1) * 2^(e - 1), and
            // numerator / denominator > midpoint <=> numerator * 2^shift > (2 mantissa +- 1) * denominator
            int shift = 1 - (exponent - 1075);
            if (exponent == 0
                    || mantissa == 1L << 52
                    || shift < 0
                    || shift + 64 - Long.numberOfLeadingZeros(numerator) > 126) {
                return Double.NaN;
            }
            int above = compareShifted(numerator, shift, 2 * mantissa + 1, denominator);
            int below = compareShifted(numerator, shift, 2 * mantissa - 1, denominator);
            boolean odd = (mantissa & 1) != 0;
            if (above > 0 || (above == 0 && odd)) {
                estimate = Math.nextUp(estimate);
            } else if (below < 0 || (below == 0 && odd)) {
                estimate = Math.nextDown(estimate);
            } else {
                return estimate;
            }
        }
        return Double.NaN;
    }

    /** The sign of {@code a * 2^shift - b * c}, all positive, in 128-bit arithmetic. */
    private static int compareShifted(long a, int shift, long b, long c) {
        long leftHigh;
        long leftLow;
        if (shift == 0) {
            leftHigh = 0;
            leftLow = a;
        } else if (shift < 64) {
            leftHigh = a >>> (64 - shift);
            leftLow = a << shift;
        } else {
            leftHigh = a << (shift - 64);
            leftLow = 0;
        }
        long rightHigh = Math.multiplyHigh(b, c);
        long rightLow = b * c;
        int high = Long.compare(leftHigh, rightHigh);
        return high != 0 ? high : Long.compareUnsigned(leftLow, rightLow);
    }

    /**
     * {@code unscaled * 10^-scale / divisor} (divisor positive) to {@link #CONTEXT}, as {@code BigDecimal.divide}
     * gives it, digits and scale: an exact quotient of at most 16 digits at the dividend's scale, and one that needs
     * rounding and fits a long division, without its search for trailing zeros and its arithmetic in objects (the
     * dearest part of a customer's summary); any other by {@code BigDecimal.divide}.
     */
    static BigDecimal quotient(long unscaled, int scale, int divisor) {
        // Math.abs(Long.MIN_VALUE) is negative: that dividend takes the general way
        if (unscaled != Long.MIN_VALUE && unscaled % divisor == 0 && Math.abs(unscaled / divisor) < POWERS_OF_TEN[16]) {
            return BigDecimal.valueOf(unscaled / divisor, scale);
        }
        BigDecimal rounded = roundedQuotient(unscaled, scale, divisor);
        return rounded != null
                ? rounded
                : BigDecimal.valueOf(unscaled, scale).divide(BigDecimal.valueOf(divisor), CONTEXT);
    }

    /**
     * The quotient rounded half-even to {@link #CONTEXT}'s digits as the JDK's division of two compact values does
     * it: the dividend raised by as many digits as the quotient needs (one fewer when its leading digits are greater
     * than the divisor's), one long division, the remainder deciding the last digit. Null where that division is not
     * the one the JDK takes (a dividend of no more digits than the divisor, a raise that would not fit a long), and
     * where the JDK then strips trailing zeros (an exact quotient) or rounds again (a carry to a seventeenth digit).
     */
    private static BigDecimal roundedQuotient(long dividend, int scale, int divisor) {
        if (dividend == Long.MIN_VALUE) {
            return null;
        }
        int precision = CONTEXT.getPrecision();
        long magnitude = Math.abs(dividend);
        int dividendDigits = digits(magnitude);
        int divisorDigits = digits(divisor);
        if (dividendDigits <= divisorDigits) {
            return null;
        }
        // the divisor's digits aligned under the dividend's (1 to 18 places): beyond a long they are the greater
        long aligned = timesPowerOfTen(divisor, dividendDigits - divisorDigits);
        if (aligned != OVERFLOW && magnitude > aligned) {
            divisorDigits--;
        }
        int raise = precision + divisorDigits - dividendDigits;
        long raised = raise > 0 && raise < POWERS_OF_TEN.length ? timesPowerOfTen(dividend, raise) : OVERFLOW;
        if (raised == OVERFLOW) {
            return null;
        }
        long quotient = raised / divisor;
        long remainder = Math.abs(raised % divisor);
        if (remainder == 0) {
            return null;
        }
        long twice = 2 * remainder;
        if (twice > divisor || (twice == divisor && (quotient & 1) != 0)) {
            quotient += Long.signum(raised);
        }
        if (Math.abs(quotient) >= POWERS_OF_TEN[precision]) {
            return null;
        }
        return BigDecimal.valueOf(quotient, scale + raise);
    }

    /** {@code value * 10^power}, or {@link #OVERFLOW} where a long cannot hold it. */
    private static long timesPowerOfTen(long value, int power) {
        long high = Math.multiplyHigh(value, POWERS_OF_TEN[power]);
        long product = value * POWERS_OF_TEN[power];
        return high == (product >> 63) && product != OVERFLOW ? product : OVERFLOW;
    }

    /** The decimal digits of a positive long. */
    private static int digits(long magnitude) {
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && magnitude >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        return digits;
    }

    /** Whether text is short enough to be read as an amount without a cost that grows with its length. */
    static boolean isShortEnough(String text) {
        return text.length() <= org.crmkit.core.common.Money.MAX_TEXT_LENGTH;
    }

    /** The amount, refused when it is beyond {@link #LIMITS}. */
    static BigDecimal requireWithinLimits(String field, BigDecimal amount) {
        if (!org.crmkit.core.common.Money.isWithinLimits(amount)) {
            throw AnalyticsException.invalidArgument(field, amount + " is beyond " + LIMITS);
        }
        return amount;
    }
}
