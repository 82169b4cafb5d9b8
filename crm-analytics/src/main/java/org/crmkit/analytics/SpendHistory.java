package org.crmkit.analytics;

/**
 * What the spend model sees of one customer: the number of repeat purchases and their mean value.
 *
 * @param frequency     number of repeat purchases, {@code x}
 * @param monetaryValue mean value of those purchases, {@code zbar}; not negative
 */
public record SpendHistory(int frequency, double monetaryValue) {

    /** Validates: frequency not negative, monetary value finite and not negative. */
    public SpendHistory {
        if (frequency < 0) {
            throw AnalyticsException.invalidArgument("frequency", "must not be negative, was " + frequency);
        }
        requireMonetaryValue(monetaryValue);
    }

    /** The spend history of a summary: its frequency and monetary value. */
    public static SpendHistory of(CustomerSummary summary) {
        return new SpendHistory(summary.frequency(), Money.toDouble(summary.monetaryValue()));
    }

    /**
     * The monetary value {@link #of(CustomerSummary)} gives the summary, refused as it refuses it, without the object:
     * for passes over many customers that read it once each.
     */
    static double monetaryValueOf(CustomerSummary summary) {
        return requireMonetaryValue(Money.toDouble(summary.monetaryValue()));
    }

    private static double requireMonetaryValue(double monetaryValue) {
        if (!Double.isFinite(monetaryValue) || monetaryValue < 0) {
            throw AnalyticsException.invalidArgument(
                    "monetaryValue", "must be finite and not negative, was " + monetaryValue);
        }
        return monetaryValue;
    }
}
