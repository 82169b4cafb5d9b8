package org.crmkit.core.spi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;

/**
 * Port: the public holidays, the weekend and the weekend days worked by decree of each country, from which business days are counted (follow-up
 * sequences wait "3 business days", reminders avoid holidays, greetings go out on holidays).
 * {@code StatutoryHolidays.builtIn()} is the default; a host with its own calendar service (or company holidays)
 * implements this port.
 *
 * <p>A country the calendar does not {@link #covers cover} has no holidays and a Saturday-Sunday weekend; callers
 * that must know ask {@link #covers}. Implementations are thread-safe and do not read the clock.
 */
public interface HolidayCalendar {

    /** The countries whose holidays the calendar knows. */
    Set<CountryCode> countries();

    /** Whether the calendar knows the holidays of the country. */
    default boolean covers(CountryCode country) {
        return countries().contains(country);
    }

    /**
     * The country's holidays whose day off lies in the year, by date (a holiday and its substitute day both
     * appear); empty for a country the calendar does not cover.
     */
    List<Holiday> holidays(CountryCode country, int year);

    /** The days of the week nobody works in the country; Saturday and Sunday unless the calendar knows better. */
    default Set<DayOfWeek> weekend(CountryCode country) {
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    /**
     * Whether the date, although on the country's weekend, is a working day by decree: China moves weekend days
     * into working days to bridge its holidays ("adjusted working days"). False unless the calendar knows better.
     */
    default boolean isAdjustedWorkingDay(CountryCode country, LocalDate date) {
        return false;
    }

    /** Whether the date is a day off for a holiday (including a substitute day) in the country. */
    default boolean isHoliday(CountryCode country, LocalDate date) {
        return holidays(country, date.getYear()).stream()
                .anyMatch(holiday -> holiday.date().equals(date));
    }
}
