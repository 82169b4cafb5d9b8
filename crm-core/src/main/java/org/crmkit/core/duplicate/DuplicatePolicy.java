package org.crmkit.core.duplicate;

/** What registering, upserting or importing a contact or account does with possible duplicates. */
public enum DuplicatePolicy {
    /** Nothing is looked up; the record is stored. */
    ALLOW,
    /** The record is stored and the result carries the candidates. */
    WARN,
    /**
     * The record is refused with a {@link PossibleDuplicateException} when a candidate scores at least the rules'
     * {@code refuseFrom}; otherwise stored as under {@link #WARN}.
     */
    REFUSE
}
