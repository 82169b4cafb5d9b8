package org.crmkit.core.spi;

/** What happened to a record at a position of the change feed. */
public enum ChangeKind {
    /** The record was created or changed; the feed hands out its current state. */
    SAVED,
    /** The record was deleted: a tombstone. */
    DELETED,
    /** The record was merged into another record of its type and no longer exists: a tombstone with a redirect. */
    MERGED
}
