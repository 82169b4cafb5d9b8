package org.crmkit.workflow.campaign;

/** How a recipient answered a campaign message. */
public enum ResponseKind {
    OPENED,
    CLICKED,
    REPLIED,
    /** Registered for what the campaign offered (an event, a trial). */
    REGISTERED,
    LEAD_CAPTURED,
    OPPORTUNITY_OPENED
}
