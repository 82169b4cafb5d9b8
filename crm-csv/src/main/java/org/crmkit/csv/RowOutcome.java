package org.crmkit.csv;

/** What importing a row did (or, in a dry run, would do). */
public enum RowOutcome {
    /** A new record. */
    CREATED,
    /** The record with the row's external key was changed. */
    UPDATED,
    /** The record with the row's external key already said the same; nothing written. */
    UNCHANGED,
    /**
     * Stored records may be the same: under {@code DuplicatePolicy.WARN} the record was created and the row carries
     * the candidates; under {@code REFUSE} it was refused and nothing stored.
     */
    POSSIBLE_DUPLICATE,
    /** The row is invalid or was refused; it carries the errors. */
    ERROR
}
