package org.crmkit.core.access;

/**
 * The organisation-wide default of a record type in the {@link SharingModel}: what every user of the tenant may do
 * with a record of that type it has no other reason (ownership, team, territory, manager, share) to reach.
 */
public enum DefaultAccess {
    /** Only users with a reason see the record; the others find nothing. */
    PRIVATE,
    /** Every user reads the record; only users with a reason change it. */
    READ,
    /** Every user reads and changes the record: no restriction (the default for a host that configures none). */
    READ_WRITE
}
