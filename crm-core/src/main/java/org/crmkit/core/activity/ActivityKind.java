package org.crmkit.core.activity;

/** What kind of interaction an activity records. */
public enum ActivityKind {
    CALL,
    EMAIL,
    MEETING,
    NOTE,
    LETTER,
    SMS;

    /** Whether the kind has a direction: a note has none, a meeting may have one, all others must. */
    boolean requiresDirection() {
        return this != NOTE && this != MEETING;
    }

    boolean allowsDirection() {
        return this != NOTE;
    }
}
