package org.crmkit.core.lead;

import java.util.List;

/** NEW → WORKING → QUALIFIED → CONVERTED, or DISQUALIFIED (with a reason) from any state before conversion. */
public enum LeadStatus {
    NEW,
    WORKING,
    QUALIFIED,
    CONVERTED,
    DISQUALIFIED;

    private static final List<LeadStatus> OPEN = List.of(NEW, WORKING, QUALIFIED);

    /** The statuses of a lead still being worked: neither converted nor disqualified; in flow order. */
    public static List<LeadStatus> open() {
        return OPEN;
    }

    /** Whether a lead in this status is still being worked (neither converted nor disqualified). */
    public boolean isOpen() {
        return this != CONVERTED && this != DISQUALIFIED;
    }
}
