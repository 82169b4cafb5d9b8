package org.crmkit.core.sales;

/** Whether a deal is still being worked on or was closed as won or lost. */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST
}
