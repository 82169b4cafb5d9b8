package org.crmkit.workflow.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import org.crmkit.core.common.Require;

/**
 * A reminder on a date of some records: {@code offset} before (negative) or after the date, at {@code time} in
 * {@code zone}, rendered from {@code template}.
 *
 * <pre>{@code
 * new DateReminderRule("renewal-90-days", contracts::renewalDates, Period.ofDays(-90), LocalTime.of(8, 0),
 *         ZoneId.of("Europe/Berlin"), "renewal-reminder")
 * }</pre>
 *
 * @param key stable name: lower-case words joined by dashes; part of every deduplication key of its reminders
 */
public record DateReminderRule(
        String key, DatedRecords records, Period offset, LocalTime time, ZoneId zone, String template) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public DateReminderRule {
        Require.notBlank(key, "key");
        Require.that(KEY.matcher(key).matches(), "key", "must be lower-case words joined by dashes, was '" + key + "'");
        Require.notNull(records, "records");
        Require.notNull(offset, "offset");
        Require.notNull(time, "time");
        Require.notNull(zone, "zone");
        Require.notBlank(template, "template");
    }

    /** When the reminder of a record with this date goes out. */
    public Instant remindAt(LocalDate date) {
        return ZonedDateTime.of(date.plus(offset), time, zone).toInstant();
    }

    /** The record dates whose reminder falls on the local day of {@code instant}. */
    LocalDate dateRemindedOn(Instant instant) {
        return instant.atZone(zone).toLocalDate().minus(offset);
    }
}
