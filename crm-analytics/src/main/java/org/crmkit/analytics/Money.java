package org.crmkit.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Conversions between the exact amounts of the input and the doubles of the statistics. */
final class Money {

    /** Precision of averages and of values that come out of a model: 16 significant digits, half-even. */
    static final MathContext CONTEXT = MathContext.DECIMAL64;

    private Money() {
    }

    /** A model's estimate as an amount with the given number of decimals. */
    static BigDecimal ofEstimate(double value, int scale) {
        if (!Double.isFinite(value)) {
            throw new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, "estimate",
                    "a model produced a non-finite amount " + value);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
