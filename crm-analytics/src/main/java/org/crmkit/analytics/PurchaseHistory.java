package org.crmkit.analytics;

/**
 * What the purchase-count models see of one customer in the calibration period.
 *
 * @param frequency number of repeat purchases (purchase periods after the first one), {@code x}
 * @param recency   time from the first to the last purchase, {@code t_x}; 0 when {@code frequency} is 0
 * @param age       time from the first purchase to the end of calibration, {@code T}; at least {@code recency}
 */
public record PurchaseHistory(int frequency, double recency, double age) {

    /** Validates the ranges above; rejects NaN and infinities. */
    public PurchaseHistory {
        if (frequency < 0) {
            throw AnalyticsException.invalidArgument("frequency", "must not be negative, was " + frequency);
        }
        if (!(recency >= 0) || Double.isInfinite(recency)) {
            throw AnalyticsException.invalidArgument("recency", "must be finite and not negative, was " + recency);
        }
        if (!(age >= recency) || Double.isInfinite(age)) {
            throw AnalyticsException.invalidArgument(
                    "age", "must be finite and at least recency " + recency + ", was " + age);
        }
        if (frequency == 0 && recency != 0) {
            throw AnalyticsException.invalidArgument("recency", "must be 0 when frequency is 0, was " + recency);
        }
    }

    /** Shorthand for the constructor. */
    public static PurchaseHistory of(int frequency, double recency, double age) {
        return new PurchaseHistory(frequency, recency, age);
    }
}
