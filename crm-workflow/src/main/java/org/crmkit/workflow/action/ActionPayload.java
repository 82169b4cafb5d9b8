package org.crmkit.workflow.action;

/**
 * What an action does when it is delivered: a {@link Message} to a customer, a {@link CallQueueEntry} for staff,
 * a lawyer's hand-off, or a payload of another workflow. Implementations are immutable records; the runtime
 * delivers each through the handler registered for its class.
 */
public interface ActionPayload {

    /** A short description for logs, audit and the failed-actions view, e.g. {@code EMAIL to ap@acme.example}. */
    String describe();
}
