package org.crmkit.core.sales;

/** Whether a stage is still being worked on, or ends the deal as won or lost. */
public enum StageKind {
    OPEN,
    WON,
    LOST
}
