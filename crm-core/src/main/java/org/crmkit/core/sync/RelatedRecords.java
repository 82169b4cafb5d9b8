package org.crmkit.core.sync;

import org.crmkit.core.common.Require;

/**
 * The records a device receives with each account of its slice: the account's contacts, its activities of the last
 * {@code activityDays} days (0: none), its open opportunities, its open invoices and its active tasks. Immutable.
 */
public record RelatedRecords(
        boolean contacts, int activityDays, boolean openOpportunities, boolean openInvoices, boolean tasks) {

    public RelatedRecords {
        Require.that(
                activityDays >= 0 && activityDays <= 3660, "activityDays", "must be 0 to 3660, was " + activityDays);
    }

    /** Contacts, activities of the last 90 days, open opportunities, open invoices and tasks. */
    public static RelatedRecords standard() {
        return new RelatedRecords(true, 90, true, true, true);
    }

    /** The accounts alone. */
    public static RelatedRecords none() {
        return new RelatedRecords(false, 0, false, false, false);
    }
}
