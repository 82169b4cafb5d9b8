package org.crmkit.workflow.reminder;

import java.time.LocalDate;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * Port: the records that qualify for a date-driven reminder, with their current dates; the host implements it for
 * its own records (contracts, subscriptions), crmkit has {@link #opportunityCloseDates} built in. Asked on every
 * run, for a small window of dates, inside no transaction; it answers from the current data, so a changed date
 * or a record that no longer qualifies is seen at once. Implementations are thread-safe.
 */
@FunctionalInterface
public interface DatedRecords {

    /** The qualifying records whose date lies from {@code from} to {@code to} (both included), in a stable order. */
    Page<DatedRecord> between(LocalDate from, LocalDate to, PageRequest page);

    /** Open opportunities by expected close date, reminding their owners. */
    static DatedRecords opportunityCloseDates(Crm crm) {
        Require.notNull(crm, "crm");
        return (from, to, page) -> crm.sales()
                .opportunitiesClosingBetween(from, to, page)
                .map(opportunity -> new DatedRecord(
                        RecordRef.opportunity(opportunity.id()),
                        opportunity.expectedCloseDate(),
                        opportunity.owner(),
                        opportunity.name()));
    }
}
