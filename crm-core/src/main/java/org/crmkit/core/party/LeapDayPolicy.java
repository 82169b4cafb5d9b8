package org.crmkit.core.party;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * When someone born (or who became a customer) on 29 February is celebrated in a year that has no such day.
 */
public enum LeapDayPolicy {
    /** On 28 February, the last day of their month (the usual choice). */
    FEBRUARY_28,
    /** On 1 March, the day their date turns into (as several legal systems count the age). */
    MARCH_1,
    /** Only in leap years. */
    LEAP_YEARS_ONLY;

    private static final MonthDay LEAP_DAY = MonthDay.of(Month.FEBRUARY, 29);

    /**
     * The month-days whose people are celebrated on {@code date}: the date's own month-day, plus 29 February on the
     * day this policy moves it to in a common year.
     */
    public List<MonthDay> celebratedOn(LocalDate date) {
        Require.notNull(date, "date");
        MonthDay day = MonthDay.from(date);
        if (!date.isLeapYear()
                && celebrationOf(LEAP_DAY, date.getYear()).filter(date::equals).isPresent()) {
            return List.of(day, LEAP_DAY);
        }
        return List.of(day);
    }

    /** The date on which {@code day} is celebrated in {@code year}; empty for 29 February under LEAP_YEARS_ONLY. */
    public Optional<LocalDate> celebrationOf(MonthDay day, int year) {
        Require.notNull(day, "day");
        if (day.isValidYear(year)) {
            return Optional.of(day.atYear(year));
        }
        return switch (this) {
            case FEBRUARY_28 -> Optional.of(LocalDate.of(year, Month.FEBRUARY, 28));
            case MARCH_1 -> Optional.of(LocalDate.of(year, Month.MARCH, 1));
            case LEAP_YEARS_ONLY -> Optional.empty();
        };
    }
}
