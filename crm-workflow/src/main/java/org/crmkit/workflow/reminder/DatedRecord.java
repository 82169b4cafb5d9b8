package org.crmkit.workflow.reminder;

import java.time.LocalDate;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * A record with a date that someone is to be reminded of: a contract's renewal date, a subscription's end, an
 * opportunity's expected close date.
 *
 * @param record   the record
 * @param date     the date as it stands now
 * @param remind   the user to remind (typically the record's owner)
 * @param title    how the reminder names the record, e.g. {@code "Acme maintenance contract"}
 */
public record DatedRecord(RecordRef record, LocalDate date, UserId remind, String title) {

    public DatedRecord {
        Require.notNull(record, "record");
        Require.notNull(date, "date");
        Require.notNull(remind, "remind");
        title = Require.maxLength(Require.notBlank(title, "title"), 200, "title");
    }
}
