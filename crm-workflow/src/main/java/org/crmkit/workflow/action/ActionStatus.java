package org.crmkit.workflow.action;

/**
 * Where an action of the workflow outbox is: {@code PENDING} until a dispatcher delivered it ({@code DELIVERED}),
 * gave up after the last retry ({@code FAILED}, visible to staff, retried by hand) or its workflow withdrew it
 * before delivery ({@code CANCELLED}, e.g. the customer paid before the reminder went out).
 */
public enum ActionStatus {
    PENDING,
    DELIVERED,
    FAILED,
    CANCELLED;

    /** Whether nothing will happen to the action any more without a person's intervention. */
    public boolean isFinished() {
        return this != PENDING;
    }
}
