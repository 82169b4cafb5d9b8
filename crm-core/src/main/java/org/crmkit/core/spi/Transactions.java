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

    /**
     * Runs {@code action} once the current transaction has committed, as {@link #afterCommit} does, but once per
     * transaction for each {@code key}: registering an action under a key the transaction already has (by
     * {@code equals}) does nothing. A key registered in a transaction that rolled back is forgotten with it, so the
     * next transaction registers it afresh. Outside a transaction the action runs at once. crmkit registers its
     * event relay this way, so that a transaction with many changes relays its events once.
     */
    void afterCommitOnce(Object key, Runnable action);
}
