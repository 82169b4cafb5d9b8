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
