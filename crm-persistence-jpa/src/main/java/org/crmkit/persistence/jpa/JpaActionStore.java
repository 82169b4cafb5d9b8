package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.ActionStore;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * The workflow outbox in {@code crm_workflow_action}. Claimable actions are read with a pessimistic write lock that
 * skips rows locked by another transaction ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; databases without SKIP
 * LOCKED, such as H2, wait for the lock instead), so dispatchers on several nodes never claim the same action.
 */
final class JpaActionStore implements ActionStore {

    /** Jakarta Persistence's lock timeout hint; -2 is Hibernate's "skip locked rows". */
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";

    private static final int SKIP_LOCKED = -2;

    private static final String PENDING = ActionStatus.PENDING.name();

    private final JpaTransactions transactions;
    private final ActionRows rows;
    private final ActionInserts inserts;
    private final ActionBatchWrites batchWrites;

    JpaActionStore(JpaTransactions transactions, StateJson json) {
        this.transactions = transactions;
        this.rows = new ActionRows(json);
        this.inserts = new ActionInserts(rows::newRow);
        this.batchWrites = new ActionBatchWrites(rows);
    }

    @Override
    public boolean add(Action action) {
        Require.notNull(action, "action");
        Require.that(action.version() == 0, "action.version", "must be 0 for a new action, was " + action.version());
        requireTransaction();
        return transactions.withEntityManager(
                entityManager -> !inserts.insertIfAbsent(entityManager, List.of(action), action.id())
                        .isEmpty());
    }

    /**
     * The first action of the list with each key of its tenant goes to the database, where all are inserted in one
     * JDBC batch, each if its key is still free (see {@link ActionInserts}): the keys taken are not read first, which
     * cost a statement per 100 keys and a look-up of each key in the database besides the insert's own.
     */
    @Override
    public List<Action> addAll(List<Action> actions) {
        Require.noNulls(actions, "actions");
        actions.forEach(action -> Require.that(
                action.version() == 0,
                "actions.version",
                "must be 0 for a new action, was " + action.version() + " for " + action.deduplicationKey()));
        requireTransaction();
        if (actions.isEmpty()) {
            return List.of();
        }
        Map<TenantId, Set<String>> keys = new HashMap<>();
        List<Action> first = actions.stream()
                .filter(action -> keys.computeIfAbsent(action.tenant(), tenant -> new HashSet<>())
                        .add(action.deduplicationKey()))
                .toList();
        return transactions.withEntityManager(entityManager ->
                inserts.insertIfAbsent(entityManager, first, "(one of the " + first.size() + " added together)"));
    }

    @Override
    public Action update(Action action) {
        Require.notNull(action, "action");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            Action stored = write(
                    entityManager,
                    entityManager.find(
                            ActionRow.class,
                            new RowKey(action.tenant().value(), action.id().value()),
                            LockModeType.PESSIMISTIC_WRITE),
                    action);
            flush(entityManager, action);
            return stored;
        });
    }

    /**
     * The actions are written in one JDBC batch of updates, each on the version given, without reading their rows
     * first (see {@link ActionBatchWrites}); an action whose row is missing or has another version fails the call as
     * {@link #update} would.
     */
    @Override
    public List<Action> updateAll(List<Action> actions) {
        Require.noNulls(actions, "actions");
        requireTransaction();
        if (actions.isEmpty()) {
            return List.of();
        }
        return transactions.withEntityManager(entityManager -> {
            try {
                return batchWrites.updateAll(
                        entityManager,
                        actions,
                        JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect,
                        this::update);
            } catch (RuntimeException e) {
                throw Failures.translate(e, "Action", "(one of the " + actions.size() + " updated together)", -1);
            }
        });
    }

    /**
     * On PostgreSQL one statement claims the batch and returns it (see {@link ActionBatchWrites}); on other databases
     * the claimable rows are read with a lock and updated together.
     */
    @Override
    public List<Action> claim(TenantId tenant, Instant now, int limit, Instant leaseUntil) {
        Require.notNull(tenant, "tenant");
        Require.notNull(now, "now");
        Require.positive(limit, "limit");
        Require.notNull(leaseUntil, "leaseUntil");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            if (!(JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect)) {
                return ActionStore.super.claim(tenant, now, limit, leaseUntil);
            }
            try {
                return batchWrites.claimOnPostgres(entityManager, tenant, now, limit, leaseUntil);
            } catch (RuntimeException e) {
                throw Failures.translate(e);
            }
        });
    }

    /** Checks the version of the row, locked by the caller, and changes it; the caller flushes. */
    private Action write(EntityManager entityManager, ActionRow row, Action action) {
        if (row == null) {
            throw new RecordNotFoundException("Action", action.id());
        }
        if (row.version != action.version()) {
            throw new StaleVersionException("Action", action.id(), action.version(), row.version);
        }
        String payloadType = action.payload().getClass().getName();
        if (!payloadType.equals(row.payloadType)) {
            // only an erasure replaces a payload: the payload columns are not written with each change of the row
            row.payloadType = payloadType;
            row.payload = rows.payload(action.payload());
            entityManager
                    .createQuery("update ActionRow r set r.payloadType = :type, r.payload = :payload"
                            + " where r.tenantId = :tenant and r.id = :id")
                    .setParameter("type", row.payloadType)
                    .setParameter("payload", row.payload)
                    .setParameter("tenant", row.tenantId)
                    .setParameter("id", row.id)
                    .executeUpdate();
        }
        ActionRows.fill(row, action);
        row.version = action.version() + 1;
        return rows.action(row);
    }

    @Override
    public Optional<Action> findById(TenantId tenant, ActionId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(ActionRow.class, new RowKey(tenant.value(), id.value())))
                .map(rows::action));
    }

    @Override
    public Optional<Action> findByKey(TenantId tenant, String deduplicationKey) {
        Require.notNull(tenant, "tenant");
        Require.notNull(deduplicationKey, "deduplicationKey");
        return transactions.read(entityManager ->
                findByKey(entityManager, tenant, deduplicationKey).map(rows::action));
    }

    @Override
    public List<Action> findClaimable(TenantId tenant, Instant now, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(now, "now");
        Require.positive(limit, "limit");
        return transactions.withEntityManager(entityManager -> rows(
                        entityManager,
                        tenant,
                        "r.status = :pending and r.nextAttemptAt <= :now and (r.claimedUntil is null or r.claimedUntil <= :now)",
                        "r.nextAttemptAt, r.id")
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(LOCK_TIMEOUT, SKIP_LOCKED)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(rows::action)
                .toList());
    }

    @Override
    public List<Action> findPendingBySubject(TenantId tenant, String subject) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        return transactions.read(entityManager -> rows(
                        entityManager, tenant, "r.subject = :subject and r.status = :pending", "r.createdAt, r.id")
                .setParameter("subject", subject)
                .setParameter("pending", PENDING)
                .getResultList()
                .stream()
                .map(rows::action)
                .toList());
    }

    @Override
    public List<Action> findMentioning(TenantId tenant, Collection<String> identifiers) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(identifiers, "identifiers");
        return transactions.withEntityManager(entityManager -> {
            List<UUID> ids = TextSearch.keysMentioning(
                            entityManager,
                            "crm_workflow_action",
                            "cast(id as varchar)",
                            List.of("subject", "deduplication_key", "payload", "last_error"),
                            tenant,
                            identifiers)
                    .stream()
                    .map(id -> UUID.fromString(id.toString()))
                    .toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return rows(entityManager, tenant, "r.id in :ids", "r.createdAt, r.id")
                    .setParameter("ids", ids)
                    .getResultList()
                    .stream()
                    .map(rows::action)
                    .toList();
        });
    }

    @Override
    public Page<Action> findByStatus(TenantId tenant, ActionStatus status, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(status, "status");
        Require.notNull(page, "page");
        return transactions.withEntityManager(entityManager -> {
            List<Action> items = rows(entityManager, tenant, "r.status = :status", "r.createdAt, r.id")
                    .setParameter("status", status.name())
                    .setFirstResult((int) page.offset())
                    .setMaxResults(page.size())
                    .getResultList()
                    .stream()
                    .map(rows::action)
                    .toList();
            long total = page.offset() == 0 && items.size() < page.size()
                    ? items.size()
                    : entityManager
                            .createQuery(
                                    "select count(r) from ActionRow r where r.tenantId = :tenant and r.status = :status",
                                    Long.class)
                            .setParameter("tenant", tenant.value())
                            .setParameter("status", status.name())
                            .getSingleResult();
            return new Page<>(items, page, total);
        });
    }

    /** Locks the records' rows as {@link RecordLocks} does. */
    @Override
    public void lock(TenantId tenant, Collection<RecordRef> records) {
        Require.notNull(tenant, "tenant");
        Require.notNull(records, "records");
        requireTransaction();
        transactions.withEntityManager(entityManager -> {
            RecordLocks.lock(entityManager, tenant, records);
            return null;
        });
    }

    private static Optional<ActionRow> findByKey(EntityManager entityManager, TenantId tenant, String key) {
        return rows(entityManager, tenant, "r.deduplicationKey = :key", "r.id")
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    private static TypedQuery<ActionRow> rows(
            EntityManager entityManager, TenantId tenant, String condition, String order) {
        return entityManager
                .createQuery(
                        "select r from ActionRow r where r.tenantId = :tenant and " + condition + " order by " + order,
                        ActionRow.class)
                .setParameter("tenant", tenant.value());
    }

    private static void flush(EntityManager entityManager, Action action) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translate(e, "Action", action.id(), action.version());
        }
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("writes to the workflow outbox");
        }
    }
}
