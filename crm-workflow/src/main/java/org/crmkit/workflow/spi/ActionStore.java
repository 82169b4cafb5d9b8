package org.crmkit.workflow.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.runtime.Action;
import org.crmkit.workflow.runtime.ActionId;
import org.crmkit.workflow.runtime.ActionStatus;

/**
 * The workflow outbox: every action a workflow plans, stored in the same transaction as the workflow's state
 * change (crmkit's {@code Transactions} of the same storage), with a deduplication key that is unique per tenant.
 * Every method sees only the given tenant's actions; no argument may be null. Implementations are thread-safe;
 * writes require an active transaction and roll back with it.
 */
public interface ActionStore {

    /**
     * Stores a new action (version 0) unless the tenant already has one with the same deduplication key, in any
     * status. Returns whether it was stored. Two transactions adding the same key at once store it once: the
     * second one sees the key taken, or fails on commit with a {@code DuplicateRecordException} on a database.
     */
    boolean add(Action action);

    /**
     * Stores a changed action if the stored version equals {@code action.version()} and returns the stored copy
     * with the next version; {@code StaleVersionException} otherwise.
     */
    Action update(Action action);

    /**
     * Stores several changed actions as {@link #update} does, in one go (a database adapter writes them in one
     * batch), and returns the stored copies in order. All or nothing: a conflict on one fails the call.
     */
    default List<Action> updateAll(List<Action> actions) {
        return actions.stream().map(this::update).toList();
    }

    Optional<Action> findById(TenantId tenant, ActionId id);

    Optional<Action> findByKey(TenantId tenant, String deduplicationKey);

    /**
     * Up to {@code limit} actions a dispatcher may take up at {@code now} ({@link Action#isClaimable}), earliest
     * {@code nextAttemptAt} first. A database adapter locks the rows it returns and skips rows locked by another
     * transaction ({@code FOR UPDATE SKIP LOCKED}), so that dispatchers on several nodes never take the same one;
     * the caller claims them ({@link Action#claimed}) in the same transaction.
     */
    List<Action> findClaimable(TenantId tenant, Instant now, int limit);

    /** The pending actions of a subject, oldest first. */
    List<Action> findPendingBySubject(TenantId tenant, String subject);

    /** Actions in the given status, oldest first. */
    Page<Action> findByStatus(TenantId tenant, ActionStatus status, PageRequest page);

    /**
     * Makes every other transaction that locks the same contact of the tenant wait until the current transaction
     * has ended, so that it then sees the actions this one added. Workflows that plan an action per contact
     * (greetings) lock the contact before they look for its action and add it, so that nodes planning the same
     * contact at the same moment take turns instead of colliding on the deduplication key. A contact that is not
     * stored locks nothing. Requires an active transaction.
     */
    void lockContact(TenantId tenant, ContactId contact);

    /**
     * The same as {@link #lockContact} for a task of the tenant: workflows that plan actions per task (task
     * reminders) lock the task before they look for its action and add it. A task that is not stored locks nothing.
     * Requires an active transaction.
     */
    void lockTask(TenantId tenant, TaskId task);
}
