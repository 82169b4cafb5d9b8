package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.spi.Transactions;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Transactions over JPA. Work joins the unit of work already active on the thread (an outer call of this adapter,
 * or the host's transaction seen through {@link HostTransactions}); otherwise it runs in a resource-local
 * transaction of its own, with an entity manager that lives as long as the transaction.
 */
final class JpaTransactions implements Transactions {

    private final EntityManagerFactory entityManagerFactory;
    private final HostTransactions host;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    private static final class UnitOfWork {
        final EntityManager entityManager;
        final boolean ownedByHost;
        final List<Runnable> afterCommit = new ArrayList<>();
        final Set<Object> afterCommitKeys = new HashSet<>();

        UnitOfWork(EntityManager entityManager, boolean ownedByHost) {
            this.entityManager = entityManager;
            this.ownedByHost = ownedByHost;
        }
    }

    /** The change feed the aggregate tables record their writes in; set once by the storage. */
    private volatile JpaChangeLog changes;

    JpaTransactions(EntityManagerFactory entityManagerFactory, HostTransactions host) {
        this.entityManagerFactory = entityManagerFactory;
        this.host = host;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Optional<EntityManager> hostEntityManager = host.currentEntityManager();
        if (hostEntityManager.isPresent()) {
            return inHostTransaction(hostEntityManager.get(), work);
        }
        return inOwnTransaction(work);
    }

    /** Runs work that needs the entity manager of the current (joined or own) transaction. */
    <T> T withEntityManager(Function<EntityManager, T> work) {
        return inTransaction(() -> work.apply(current.get().entityManager));
    }

    /** Makes the aggregate tables record every save and delete in {@code changes}; called once, by the storage. */
    void recordChangesIn(JpaChangeLog changes) {
        this.changes = changes;
    }

    /** The change feed the aggregate tables record their writes in. */
    JpaChangeLog changes() {
        return changes;
    }

    /** The SQL dialect Hibernate speaks to the database of the entity manager. */
    static Dialect dialect(EntityManager entityManager) {
        return entityManager
                .getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect();
    }

    /**
     * The query, without Hibernate's automatic flush. Every write of this adapter is flushed before its port method
     * returns (so that a conflict surfaces at the call and names the record); only appended outbox events wait for
     * the next flush, and only {@code Outbox.pending}, which keeps the automatic flush, reads them. So a read of
     * crmkit's tables has nothing to flush first, and without this Hibernate would dirty-check every entity the
     * transaction has loaded before each statement: thousands of rows in a dunning chunk, dozens of times over.
     */
    static <Q extends Query> Q withoutAutoFlush(Q query) {
        query.setFlushMode(FlushModeType.COMMIT);
        return query;
    }

    /**
     * Gives a statement prepared through the session's JDBC coordinator (so that it counts among the session's
     * statements) back to it once executed.
     */
    static void release(JdbcCoordinator jdbc, PreparedStatement statement) {
        jdbc.getLogicalConnection().getResourceRegistry().release(statement);
        jdbc.afterStatementExecution();
    }

    /**
     * Runs a single-statement read: in the unit of work active on the thread, or else on an entity manager of its
     * own without a transaction, so that the statement commits on its own and costs no BEGIN and COMMIT. That entity
     * manager loads rows read-only: it never flushes, so Hibernate need not keep a copy of each row to compare.
     */
    <T> T read(Function<EntityManager, T> query) {
        if (current.get() != null || host.currentEntityManager().isPresent()) {
            return withEntityManager(query);
        }
        try {
            EntityManager entityManager = entityManagerFactory.createEntityManager();
            try {
                entityManager.unwrap(Session.class).setDefaultReadOnly(true);
                return query.apply(entityManager);
            } finally {
                entityManager.close();
            }
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * The version of the row as committed, read with an entity manager and connection of their own, outside the
     * transaction on this thread (which a failed statement may have ended); empty when there is no such row.
     */
    OptionalLong committedVersion(Class<? extends AggregateRow> rowType, RowKey key) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            AggregateRow row = entityManager.find(rowType, key);
            return row == null ? OptionalLong.empty() : OptionalLong.of(row.version);
        } finally {
            entityManager.close();
        }
    }

    private <T> T inHostTransaction(EntityManager entityManager, Supplier<T> work) {
        current.set(new UnitOfWork(entityManager, true));
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        } finally {
            current.remove();
        }
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        UnitOfWork unit;
        try {
            unit = new UnitOfWork(entityManagerFactory.createEntityManager(), false);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        current.set(unit);
        EntityTransaction transaction = unit.entityManager.getTransaction();
        T result;
        try {
            transaction.begin();
            result = work.get();
            transaction.commit();
        } catch (RuntimeException e) {
            rollBack(transaction, e);
            throw Failures.translate(e);
        } catch (Error e) {
            rollBack(transaction, e);
            throw e;
        } finally {
            current.remove();
            unit.entityManager.close();
        }
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    private static void rollBack(EntityTransaction transaction, Throwable cause) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            // the connection may be gone; the database rolls back on its own then, and the first failure is the news
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public boolean isActive() {
        return current.get() != null || host.currentEntityManager().isPresent();
    }

    @Override
    public void afterCommit(Runnable action) {
        UnitOfWork unit = current.get();
        if (unit != null && !unit.ownedByHost) {
            unit.afterCommit.add(action);
        } else if (unit != null || host.currentEntityManager().isPresent()) {
            host.afterCommit(action);
        } else {
            action.run();
        }
    }

    /**
     * Keeps the keys with the unit of work: a transaction of this adapter's own, or one call's share of the host's
     * transaction (a host transaction that calls crmkit several times gets the action once per call).
     */
    @Override
    public void afterCommitOnce(Object key, Runnable action) {
        UnitOfWork unit = current.get();
        if (unit == null || unit.afterCommitKeys.add(key)) {
            afterCommit(action);
        }
    }
}
