package org.crmkit.workflow.sequence;

/** Why an enrolment ended before its last step. */
public enum EndReason {
    REPLIED,
    MEETING_BOOKED,
    UNSUBSCRIBED,
    BOUNCED,
    OPPORTUNITY_WON,
    OPPORTUNITY_LOST,
    BY_HAND,
    /** The contact's personal data was erased ({@code crm.privacy().erase}). */
    ERASED
}
