package org.crmkit.core.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.Transactions;

/**
 * Serializable transactions over the in-memory stores: a transaction holds the write lock for its whole duration
 * and keeps an undo log, so a failing unit of work leaves nothing behind; reads take the read lock and therefore
 * never see uncommitted changes of another thread. Nested calls join the outer transaction.
 */
final class InMemoryTransactions implements Transactions {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

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
