package org.crmkit.analytics;

/** The unit in which recency, age (T) and model horizons are measured. */
public enum PeriodUnit {
    /** One calendar day. */
    DAYS(1),
    /** Seven days, the unit of the published CDNOW figures. */
    WEEKS(7);

    /** Length of the average Gregorian month in days (365.2425 / 12). */
    static final double DAYS_PER_MONTH = 365.2425 / 12.0;

    private final int days;

    PeriodUnit(int days) {
        this.days = days;
    }

    /** Number of days in one period. */
    public int days() {
        return days;
    }

    /** Converts a number of days into this unit. */
    public double fromDays(long dayCount) {
        return (double) dayCount / days;
    }

    /** Number of periods in an average Gregorian month: 30.436875 days or about 4.348 weeks. */
    public double periodsPerMonth() {
        return DAYS_PER_MONTH / days;
    }
}
