package org.crmkit.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.crmkit.core.common.Require;

/**
 * The local hours of a business day in which messages may reach a customer, e.g. 09:00 to 18:00: workflows send
 * only inside them, in the customer's time zone and on the customer's country's business days.
 *
 * @param opens  the first allowed local time of a business day
 * @param closes the local time from which sending waits for the next business day; after {@code opens}
 */
public record WorkingHours(LocalTime opens, LocalTime closes) {

    public WorkingHours {
        Require.notNull(opens, "opens");
        Require.notNull(closes, "closes");
        Require.that(closes.isAfter(opens), "closes", "must be after opens (" + opens + "), was " + closes);
    }

    public static WorkingHours of(LocalTime opens, LocalTime closes) {
        return new WorkingHours(opens, closes);
    }

    /** 09:00 to 17:00. */
    public static WorkingHours officeHours() {
        return new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    /**
     * The earliest instant at or after {@code earliest} that lies inside these hours on a business day of
     * {@code days}, in {@code zone}. On the day a clock change skips the opening time, the window opens at the
     * first valid local time after it.
     */
    public Instant nextAllowed(Instant earliest, ZoneId zone, BusinessCalendar days) {
        Require.notNull(earliest, "earliest");
        Require.notNull(zone, "zone");
        Require.notNull(days, "days");
        ZonedDateTime local = earliest.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (days.isBusinessDay(day)) {
            Instant open = ZonedDateTime.of(day, opens, zone).toInstant();
            Instant close = ZonedDateTime.of(day, closes, zone).toInstant();
            if (earliest.isBefore(open)) {
                return open;
            }
            if (earliest.isBefore(close)) {
                return earliest;
            }
        }
        return ZonedDateTime.of(days.onOrAfter(day.plusDays(1)), opens, zone).toInstant();
    }

    /** Whether the instant lies inside these hours on a business day in the zone. */
    public boolean contains(Instant instant, ZoneId zone, BusinessCalendar days) {
        return nextAllowed(instant, zone, days).equals(instant);
    }
}
