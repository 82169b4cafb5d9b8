package org.crmkit.workflow.action;

/**
 * What an action does when it is delivered: a {@link Message} to a customer, a {@link CallQueueEntry} for staff,
 * a lawyer's hand-off, or a payload of another workflow. Implementations are immutable records; the runtime
 * delivers each through the handler registered for its class.
 */
public interface ActionPayload {

    /** A short description for logs, audit and the failed-actions view, e.g. {@code EMAIL to ap@acme.example}. */
    String describe();

    /**
     * Whether the payload may hold a person's data (a message's address and text, a dossier): such actions are
     * listed in a subject access export of the person and erased with them. False for a payload that names records
     * by id only and must stay as it is while it is delivered (a retention erasure).
     */
    default boolean holdsPersonalData() {
        return true;
    }
}
