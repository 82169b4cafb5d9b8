package org.crmkit.workflow.dunning;

/** What a level's offset in days counts from. */
public enum OffsetBase {
    /** From the invoice's due date; negative offsets are courtesy reminders before it. */
    DUE_DATE,
    /** From the day the previous level was reached (re-anchored by partial payments); never for the first level. */
    PREVIOUS_NOTICE
}
