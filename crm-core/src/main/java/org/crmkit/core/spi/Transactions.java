package org.crmkit.core.spi;

import java.util.function.Supplier;

/**
 * Runs work in one transaction. When a transaction is already active on the calling thread (the host's own, or
 * an outer call), the work joins it; otherwise a new one is started, committed when the work returns and rolled
 * back when it throws. Implementations are thread-safe.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Whether the calling thread currently runs inside a transaction of this adapter. */
    boolean isActive();

    /**
     * Runs {@code action} once the current transaction has committed, or at once when none is active. Nothing
     * runs when the transaction rolls back.
     */
    void afterCommit(Runnable action);
}
