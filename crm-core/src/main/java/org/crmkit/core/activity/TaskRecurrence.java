package org.crmkit.core.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * How a task repeats: the {@link Recurrence} of its due dates, the time zone whose local date and time of day the
 * series keeps (so a task due Mondays at 09:00 in Berlin stays at 09:00 across clock changes), and an optional
 * last date.
 *
 * @param until the last date an occurrence may fall on; null for a series without end
 */
public record TaskRecurrence(Recurrence recurrence, ZoneId zone, LocalDate until) {

    public TaskRecurrence {
        Require.notNull(recurrence, "recurrence");
        Require.notNull(zone, "zone");
    }

    public static TaskRecurrence of(Recurrence recurrence, ZoneId zone) {
        return new TaskRecurrence(recurrence, zone, null);
    }

    public TaskRecurrence until(LocalDate lastDate) {
        return new TaskRecurrence(recurrence, zone, Require.notNull(lastDate, "until"));
    }

    /**
     * The due time of the first occurrence after {@code due} that lies after {@code notBefore} (a task completed
     * late does not leave a trail of overdue occurrences), at the same local time of day; empty when the series
     * ends before it.
     */
    public Optional<Instant> nextDue(Instant due, Instant notBefore) {
        Require.notNull(due, "due");
        Require.notNull(notBefore, "notBefore");
        ZonedDateTime local = due.atZone(zone);
        LocalTime timeOfDay = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        Instant next;
        do {
            date = recurrence.next(date);
            if (until != null && date.isAfter(until)) {
                return Optional.empty();
            }
            next = ZonedDateTime.of(date, timeOfDay, zone).toInstant();
        } while (!next.isAfter(notBefore));
        return Optional.of(next);
    }
}
