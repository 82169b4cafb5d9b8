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
 * series keeps, an optional last date, and the local time of day of its occurrences.
 *
 * <p>A series keeps its local time of day across clock changes: a task due Mondays at 09:00 in Berlin stays at 09:00
 * in summer and winter. On the day the clocks go forward, a time that does not exist there (02:30 in Warsaw or New
 * York) is moved forward by the length of the gap (03:30), on that day only; the next occurrence is at 02:30 again.
 * On the day the clocks go back, a time that happens twice (02:30 in Warsaw) is taken at its first occurrence,
 * still in summer time, so the task is due once that day.
 *
 * @param until     the last date an occurrence may fall on; null for a series without end
 * @param timeOfDay the local time of day of the occurrences; null until the series' first task is created, which
 *                  fixes it to the local time of its due time (give it with {@link #at} when that time falls in a gap)
 */
public record TaskRecurrence(Recurrence recurrence, ZoneId zone, LocalDate until, LocalTime timeOfDay) {

    public TaskRecurrence {
        Require.notNull(recurrence, "recurrence");
        Require.notNull(zone, "zone");
    }

    /** A series whose time of day is fixed when its first task is created. */
    public TaskRecurrence(Recurrence recurrence, ZoneId zone, LocalDate until) {
        this(recurrence, zone, until, null);
    }

    public static TaskRecurrence of(Recurrence recurrence, ZoneId zone) {
        return new TaskRecurrence(recurrence, zone, null, null);
    }

    public TaskRecurrence until(LocalDate lastDate) {
        return new TaskRecurrence(recurrence, zone, Require.notNull(lastDate, "until"), timeOfDay);
    }

    /** The series at this local time of day, whatever the time of the first task's due time. */
    public TaskRecurrence at(LocalTime timeOfDay) {
        return new TaskRecurrence(recurrence, zone, until, Require.notNull(timeOfDay, "timeOfDay"));
    }

    /** This series with its time of day fixed: the given one if any, else the local time of day of {@code firstDue}. */
    TaskRecurrence startingAt(Instant firstDue) {
        return timeOfDay != null ? this : at(firstDue.atZone(zone).toLocalTime());
    }

    /**
     * The due time of the first occurrence after {@code due} that lies after {@code notBefore} (a task completed
     * late does not leave a trail of overdue occurrences), at the series' local time of day (for a series stored
     * before it had one, the local time of day of {@code due}); empty when the series ends before it.
     */
    public Optional<Instant> nextDue(Instant due, Instant notBefore) {
        Require.notNull(due, "due");
        Require.notNull(notBefore, "notBefore");
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = timeOfDay != null ? timeOfDay : local.toLocalTime();
        LocalDate date = local.toLocalDate();
        Instant next;
        do {
            date = recurrence.next(date);
            if (until != null && date.isAfter(until)) {
                return Optional.empty();
            }
            // ZonedDateTime.of moves a time in a gap forward by the gap's length and takes the earlier of two
            next = ZonedDateTime.of(date, time, zone).toInstant();
        } while (!next.isAfter(notBefore));
        return Optional.of(next);
    }
}
