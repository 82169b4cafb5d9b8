package org.crmkit.workflow.campaign;

/** Where a campaign's message to one recipient stands. */
public enum RecipientStatus {
    /** The message is in the workflow outbox (delivered or about to be; the action's status says which). */
    SCHEDULED,
    /** The host reported a hard bounce of the address the message went to. */
    BOUNCED,
    /** The recipient unsubscribed through the message's token. */
    UNSUBSCRIBED
}
