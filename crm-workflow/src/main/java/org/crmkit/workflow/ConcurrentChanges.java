package org.crmkit.workflow;

import java.util.function.Supplier;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TransactionConflictException;
import org.crmkit.core.spi.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflow work in a transaction of its own and, when it collided with a change another node or thread
 * committed first (a {@link StaleVersionException}, or a {@link DuplicateRecordException} on a key such as an
 * action's deduplication key), or the database ended it because of a concurrent one (a
 * {@link TransactionConflictException}: a deadlock, a serialization failure), runs it again in a fresh transaction. The fresh transaction sees what the other one
 * committed, so the work then does what is left, usually nothing. Work that joins a transaction the caller already
 * holds runs once: a collision there has rolled back the caller's whole transaction, which only the caller can
 * repeat.
 */
final class ConcurrentChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChanges.class);
    /** Each collision means another transaction committed; more than a few in a row only come from a bug. */
    private static final int ATTEMPTS = 5;

    private ConcurrentChanges() {}

    static <T> T retried(Transactions transactions, String what, Supplier<T> work) {
        boolean joined = transactions.isActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (StaleVersionException | DuplicateRecordException | TransactionConflictException collision) {
                if (joined || attempt == ATTEMPTS) {
                    throw collision;
                }
                LOG.debug(
                        "{} collided with a concurrent change ({}); trying again, attempt {}",
                        what,
                        collision.getMessage(),
                        attempt + 1);
            }
        }
    }

    static void retried(Transactions transactions, String what, Runnable work) {
        retried(transactions, what, () -> {
            work.run();
            return null;
        });
    }
}
