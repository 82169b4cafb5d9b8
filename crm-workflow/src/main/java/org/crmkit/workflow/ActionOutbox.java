package org.crmkit.workflow;

import java.time.Clock;
import java.util.List;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.core.spi.Transactions;
import org.crmkit.workflow.runtime.Action;
import org.crmkit.workflow.runtime.ActionId;
import org.crmkit.workflow.runtime.PlannedAction;
import org.crmkit.workflow.spi.ActionStore;

/**
 * Where workflows put the actions they plan. Both methods require an active transaction of crmkit's storage, the
 * one in which the workflow changes its state, so that the state and its actions commit or roll back together.
 * Thread-safe.
 */
public final class ActionOutbox {

    private final ActionStore actions;
    private final Transactions transactions;
    private final TenantResolver tenants;
    private final Clock clock;
    private final IdGenerator ids;

    ActionOutbox(ActionStore actions, Transactions transactions, TenantResolver tenants, Clock clock) {
        this.actions = actions;
        this.transactions = transactions;
        this.tenants = tenants;
        this.clock = clock;
        this.ids = new IdGenerator(clock);
    }

    /**
     * Stores the action for the calling tenant unless an action with its deduplication key exists (in any status);
     * returns whether it was stored.
     */
    public boolean schedule(String workflow, PlannedAction planned) {
        Require.notBlank(workflow, "workflow");
        Require.notNull(planned, "planned");
        requireTransaction();
        return actions.add(Action.planned(ActionId.next(ids), tenants.currentTenant(), workflow, planned,
                clock.instant()));
    }

    /**
     * Cancels the subject's actions that are still pending (e.g. the reminders of a dunning case the customer has
     * just settled) and returns them as cancelled. An action a dispatcher is delivering at this moment is cancelled
     * too; if that delivery succeeds, it is recorded as delivered, because it was.
     */
    public List<Action> cancelPending(String subject) {
        Require.notBlank(subject, "subject");
        requireTransaction();
        return actions.findPendingBySubject(tenants.currentTenant(), subject).stream()
                .map(action -> actions.update(action.cancelled(clock.instant())))
                .toList();
    }

    /**
     * Locks the calling tenant's contact until the current transaction ends: another transaction that locks it
     * waits until then and afterwards sees the actions this one scheduled. Lock the contact before looking for its
     * action and scheduling it, so that nodes planning for the same contact at the same moment take turns instead
     * of colliding on the deduplication key. A contact that is not stored locks nothing.
     */
    public void lockContact(ContactId contact) {
        Require.notNull(contact, "contact");
        requireTransaction();
        actions.lockContact(tenants.currentTenant(), contact);
    }

    /** The same as {@link #lockContact} for a task of the calling tenant (task reminders lock the task). */
    public void lockTask(TaskId task) {
        Require.notNull(task, "task");
        requireTransaction();
        actions.lockTask(tenants.currentTenant(), task);
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new IllegalStateException("the workflow outbox must be written in the transaction of the state change");
        }
    }
}
