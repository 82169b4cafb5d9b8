package org.crmkit.core.sync;

/** What became of a device's change. */
public enum SyncOutcome {
    /** Stored as the device made it (a field changed centrally in between merged where they differ). */
    APPLIED,
    /** Nothing to do: the CRM holds it already (the same batch sent twice). */
    UNCHANGED,
    /** Stored in part: some fields conflicted; see the conflicts for what was kept. */
    CONFLICT,
    /** Refused by a rule of the domain or as a duplicate; nothing of it was stored. See the violations. */
    REFUSED
}
