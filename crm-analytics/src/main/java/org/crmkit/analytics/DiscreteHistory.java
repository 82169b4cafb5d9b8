package org.crmkit.analytics;

/**
 * What the BG/BB model sees of one customer with discrete transaction opportunities (a yearly donation, an annual
 * subscription renewal, a conference visit).
 *
 * @param frequency     number of opportunities with a transaction, {@code x}
 * @param recency       the opportunity of the last transaction, {@code t_x} (1-based); 0 when {@code frequency} is 0
 * @param opportunities number of opportunities observed, {@code n}; at least {@code recency}
 */
public record DiscreteHistory(int frequency, int recency, int opportunities) {

    /** Validates {@code 0 <= x <= t_x <= n}, with {@code t_x = 0} exactly when {@code x = 0}. */
    public DiscreteHistory {
        if (frequency < 0) {
            throw AnalyticsException.invalidArgument("frequency", "must not be negative, was " + frequency);
        }
        if (recency < frequency || (frequency == 0 && recency != 0)) {
            throw AnalyticsException.invalidArgument(
                    "recency",
                    "must be 0 without transactions and at least the" + " frequency " + frequency + " otherwise, was "
                            + recency);
        }
        if (opportunities < recency) {
            throw AnalyticsException.invalidArgument(
                    "opportunities", "must be at least the recency " + recency + ", was " + opportunities);
        }
    }

    /** Shorthand for the constructor. */
    public static DiscreteHistory of(int frequency, int recency, int opportunities) {
        return new DiscreteHistory(frequency, recency, opportunities);
    }
}
