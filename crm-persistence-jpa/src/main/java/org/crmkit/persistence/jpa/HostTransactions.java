package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.crmkit.core.common.TransactionRequiredException;

/**
 * How {@link JpaStorage} sees the transactions of a host that manages its own (Spring, Jakarta EE / JTA, or a
 * hand-written unit of work). When {@link #currentEntityManager()} returns an entity manager, crmkit's work joins
 * that transaction: it reads and writes through the host's entity manager, never begins, commits or rolls back, and
 * hands its after-commit actions to {@link #afterCommit}. When it returns empty, crmkit runs resource-local
 * transactions of its own on the {@code EntityManagerFactory} given to {@link JpaStorage}.
 *
 * <p>Implementations are called from the thread that runs the work and must be thread-safe. See the module README
 * for Spring and Jakarta EE implementations.
 */
public interface HostTransactions {

    /** A host without transactions of its own: crmkit always runs its own. */
    HostTransactions NONE = new HostTransactions() {
        @Override
        public Optional<EntityManager> currentEntityManager() {
            return Optional.empty();
        }

        @Override
        public void afterCommit(Runnable action) {
            throw new TransactionRequiredException("HostTransactions.afterCommit");
        }
    };

    /**
     * The entity manager bound to the host transaction active on the calling thread, or empty when none is active.
     * It must belong to the same persistence unit as the {@code EntityManagerFactory} given to {@link JpaStorage}.
     */
    Optional<EntityManager> currentEntityManager();

    /**
     * Runs {@code action} after the host transaction active on the calling thread has committed, and not at all
     * when it rolls back. Only called while {@link #currentEntityManager()} returns an entity manager.
     */
    void afterCommit(Runnable action);
}
