package org.crmkit.workflow.dunning;

/** The day-count basis of interest: actual days over 365 or over 360. */
public enum DayCount {
    ACT_365(365),
    ACT_360(360);

    private final int daysPerYear;

    DayCount(int daysPerYear) {
        this.daysPerYear = daysPerYear;
    }

    public int daysPerYear() {
        return daysPerYear;
    }
}
