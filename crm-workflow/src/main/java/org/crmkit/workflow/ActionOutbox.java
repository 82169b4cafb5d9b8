package org.crmkit.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.core.spi.Transactions;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStore;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Where workflows put the actions they plan. Its methods require an active transaction of crmkit's storage, the
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
        return actions.add(
                Action.planned(ActionId.next(ids), tenants.currentTenant(), workflow, planned, clock.instant()));
    }

    /**
     * Stores the actions for the calling tenant as {@link #schedule} does, in one go (see {@link ActionStore#addAll}),
     * and returns how many were stored: one whose deduplication key exists, or an earlier one of the list has, is
     * not.
     */
    public int scheduleAll(String workflow, List<PlannedAction> planned) {
        Require.notBlank(workflow, "workflow");
        Require.noNulls(planned, "planned");
        requireTransaction();
        TenantId tenant = tenants.currentTenant();
        Instant now = clock.instant();
        return actions.addAll(planned.stream()
                        .map(action -> Action.planned(ActionId.next(ids), tenant, workflow, action, now))
                        .toList())
                .size();
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
     * Locks the calling tenant's records until the current transaction ends: another transaction that locks any of
     * them waits until then and afterwards sees what this one stored (see {@link ActionStore#lock}). Lock the
     * records a workflow plans for (an account, a contact, a task) before looking for their actions and scheduling
     * them, so that nodes planning for the same records at the same moment take turns instead of colliding on the
     * deduplication key; lock all of a transaction's records in one call, so that the order is the same on every
     * node. Records that are not stored lock nothing.
     */
    public void lock(Collection<RecordRef> records) {
        Require.notNull(records, "records");
        records.forEach(record -> Require.notNull(record, "records[]"));
        requireTransaction();
        actions.lock(tenants.currentTenant(), records);
    }

    /** {@link #lock(Collection)} of one record. */
    public void lock(RecordRef record) {
        lock(List.of(Require.notNull(record, "record")));
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException(
                    "writes to the workflow outbox (in the transaction of the state change)");
        }
    }
}
