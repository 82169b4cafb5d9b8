package org.crmkit.workflow.action;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/**
 * The workflow outbox: every action a workflow plans, stored in the same transaction as the workflow's state
 * change (crmkit's {@code Transactions} of the same storage), with a deduplication key that is unique per tenant.
 * Every method sees only the given tenant's actions; no argument may be null. Implementations are thread-safe;
 * writes require an active transaction and roll back with it.
 */
public interface ActionStore {

    /**
     * Stores a new action (version 0) unless the tenant already has one with the same deduplication key, in any
     * status. Returns whether it was stored. Two transactions adding the same key at once store it once, and a
     * collision is not an error: a database adapter inserts if absent in the database (crmkit's JPA adapter: {@code
     * INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL, where the second transaction waits for the first and then
     * sees the key taken); where the database cannot wait for the other transaction (H2's {@code MERGE}), the second
     * one fails with a {@code DuplicateRecordException}, which the workflow runtime runs again.
     */
    boolean add(Action action);

    /**
     * Stores each new action as {@link #add} does, in one go (a database adapter reads which of the deduplication
     * keys are taken with one statement per hundred keys and inserts the others in one batch), and returns the
     * actions it stored, in order: one whose key the tenant already has, or an earlier action of the list has, is
     * left out. Two transactions adding the same key at once store it once, as with {@link #add}.
     */
    default List<Action> addAll(List<Action> actions) {
        return actions.stream().filter(this::add).toList();
    }

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

    /**
     * Claims up to {@code limit} actions a dispatcher may take up at {@code now} ({@link #findClaimable}, earliest
     * {@code nextAttemptAt} first), with a lease until {@code leaseUntil} ({@link Action#claimed}), and returns them
     * as stored (each with the next version), in that order. Dispatchers on several nodes never claim the same
     * action. The default reads them with {@link #findClaimable} and stores them with {@link #updateAll}; a database
     * adapter may do both in one statement (crmkit's JPA adapter on PostgreSQL: {@code UPDATE ... RETURNING} over
     * the rows chosen {@code FOR UPDATE SKIP LOCKED}), reading each action's payload once. Requires an active
     * transaction.
     */
    default List<Action> claim(TenantId tenant, Instant now, int limit, Instant leaseUntil) {
        return updateAll(findClaimable(tenant, now, limit).stream()
                .map(action -> action.claimed(leaseUntil))
                .toList());
    }

    /** The pending actions of a subject, oldest first. */
    List<Action> findPendingBySubject(TenantId tenant, String subject);

    /**
     * The tenant's actions, in any status, whose subject, deduplication key, payload or last error mentions one of
     * the identifiers (ignoring case), oldest first: what an erasure of a person must change
     * ({@code PersonalDataHolder}).
     */
    List<Action> findMentioning(TenantId tenant, Collection<String> identifiers);

    /** Actions in the given status, oldest first. */
    Page<Action> findByStatus(TenantId tenant, ActionStatus status, PageRequest page);

    /**
     * Makes every other transaction that locks any of the same records of the tenant wait until the current
     * transaction has ended, so that it then sees what this one stored. Workflows lock the records they plan for
     * (dunning the accounts, greetings the contacts, task reminders the tasks, date reminders the dated records,
     * sequences the contacts of their enrolments) before they read their state and actions and change them, so
     * that nodes planning the same records at the same moment take turns instead of colliding on a deduplication
     * key or a version. The records are locked in one
     * fixed order (by type, then by id as the database orders ids), so that transactions that each lock their
     * records in one call never wait for each other in a cycle. Records that are not stored lock nothing; a
     * database adapter needs one statement per record type and few dozen records. Requires an active transaction.
     */
    void lock(TenantId tenant, Collection<RecordRef> records);
}
