package org.crmkit.workflow.campaign;

/** How a conversion's revenue and margin are shared among the campaign touches that came before it. */
public enum AttributionModel {
    /** All to the campaign of the earliest touch in the window. */
    FIRST_TOUCH,
    /** All to the campaign of the latest touch in the window. */
    LAST_TOUCH,
    /** An equal share to every touch in the window, so that a campaign gets as many shares as it has touches. */
    LINEAR
}
