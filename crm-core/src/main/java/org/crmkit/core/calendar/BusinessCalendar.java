package org.crmkit.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.HolidayCalendar;

/**
 * Business-day arithmetic for one country: a business day is not a holiday (substitute days included) of the
 * {@link HolidayCalendar} and not on the country's weekend, unless the calendar says the weekend day is worked
 * by decree (China's adjusted working days). Immutable and thread-safe.
 */
public final class BusinessCalendar {

    private final HolidayCalendar holidays;
    private final CountryCode country;
    private final Set<DayOfWeek> weekend;

    private BusinessCalendar(HolidayCalendar holidays, CountryCode country) {
        this.holidays = holidays;
        this.country = country;
        this.weekend = Set.copyOf(holidays.weekend(country));
        Require.that(weekend.size() < DayOfWeek.values().length, "weekend", "leaves no working day in " + country);
    }

    /** The business days of the country according to the calendar. */
    public static BusinessCalendar of(HolidayCalendar holidays, CountryCode country) {
        return new BusinessCalendar(Require.notNull(holidays, "holidays"), Require.notNull(country, "country"));
    }

    public CountryCode country() {
        return country;
    }

    public boolean isBusinessDay(LocalDate date) {
        Require.notNull(date, "date");
        if (holidays.isHoliday(country, date)) {
            return false;
        }
        return !weekend.contains(date.getDayOfWeek()) || holidays.isAdjustedWorkingDay(country, date);
    }

    /** The date itself when it is a business day, otherwise the next business day. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = Require.notNull(date, "date");
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The {@code days}-th business day after {@code date} (before it when negative); {@code date} itself when
     * {@code days} is 0, whether or not it is a business day. Friday plus one business day is Monday, or Tuesday
     * when Monday is a holiday.
     */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        LocalDate day = Require.notNull(date, "date");
        int step = days < 0 ? -1 : 1;
        for (int left = Math.abs(days); left > 0; ) {
            day = day.plusDays(step);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * How many business days lie between the dates, counted as {@link #plusBusinessDays} steps over them: forward,
     * the business days after {@code from} up to and including {@code to}; backward (negative), the business days
     * from {@code to} up to but not including {@code from}. So {@code businessDaysBetween(d, plusBusinessDays(d, n))}
     * is {@code n}. Monday to Friday of a week without holidays is 4.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        if (to.isBefore(from)) {
            return -count(to, from.minusDays(1));
        }
        return count(from.plusDays(1), to);
    }

    private int count(LocalDate first, LocalDate last) {
        int count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }
}
