package org.crmkit.workflow.dunning;

/** A dunning case is {@code OPEN} while one of its invoices is owed, {@code CLOSED} once none is. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
