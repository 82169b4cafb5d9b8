package org.crmkit.core.lead;

/** NEW → WORKING → QUALIFIED → CONVERTED, or DISQUALIFIED (with a reason) from any state before conversion. */
public enum LeadStatus {
    NEW, WORKING, QUALIFIED, CONVERTED, DISQUALIFIED
}
