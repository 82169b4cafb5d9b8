package org.crmkit.core.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.ChangeKind;
import org.crmkit.core.spi.ChangeScope;
import org.crmkit.core.spi.Transactions;

/**
 * Serializable transactions over the in-memory stores: a transaction holds the write lock for its whole duration
 * and keeps an undo log, so a failing unit of work leaves nothing behind; reads take the read lock and therefore
 * never see uncommitted changes of another thread. Nested calls join the outer transaction.
 */
final class InMemoryTransactions implements Transactions {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
    /** The change feed the stores record their writes in; set once by the storage these transactions belong to. */
    private volatile InMemoryChangeLog changes;

    private static final class UnitOfWork {
        final Deque<Runnable> undo = new ArrayDeque<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final Set<Object> afterCommitKeys = new HashSet<>();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        UnitOfWork unit = new UnitOfWork();
        T result;
        lock.writeLock().lock();
        try {
            current.set(unit);
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                while (!unit.undo.isEmpty()) {
                    unit.undo.pop().run();
                }
                throw e;
            }
        } finally {
            current.remove();
            lock.writeLock().unlock();
        }
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    @Override
    public void afterCommitOnce(Object key, Runnable action) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            action.run();
        } else if (unit.afterCommitKeys.add(key)) {
            unit.afterCommit.add(action);
        }
    }

    /** Registers how to take back a change just made; requires an active transaction. */
    void onRollback(Runnable undo) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            throw new TransactionRequiredException("an in-memory write");
        }
        unit.undo.push(undo);
    }

    /** Makes the stores record every save and delete in {@code changes}; called once, by the owning storage. */
    void recordChangesIn(InMemoryChangeLog changes) {
        this.changes = changes;
    }

    /**
     * Records a store's save or delete in the change feed, in the current transaction: {@code state} is the record's
     * state after the change (null for a deletion), {@code stored} the one before it (null for a creation).
     */
    void recordChange(
            TenantId tenant,
            String recordType,
            UUID recordId,
            long version,
            ChangeKind kind,
            Object state,
            Object stored) {
        changes.record(
                tenant,
                recordType,
                recordId,
                version,
                kind,
                null,
                state == null ? ChangeScope.NONE : ChangeScope.of(state),
                stored == null ? ChangeScope.NONE : ChangeScope.of(stored));
    }

    /** Runs a read under the read lock so that it sees only committed state (or the caller's own changes). */
    <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
