package org.crmkit.spring.boot;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import org.crmkit.persistence.jpa.HostTransactions;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as crmkit's {@link HostTransactions}: inside a Spring transaction (a
 * {@code JpaTransactionManager}'s, e.g. a {@code @Transactional} method) crmkit reads and writes through its entity
 * manager, and its after-commit work (the event relay) runs once Spring has committed.
 */
final class SpringHostTransactions implements HostTransactions {

    private final EntityManagerFactory entityManagerFactory;

    SpringHostTransactions(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public Optional<EntityManager> currentEntityManager() {
        // While a committed transaction's synchronizations complete, Spring still has its entity manager bound but
        // no longer synchronizes: work then (crmkit's relay marking events published) must run in a transaction of
        // its own, or its writes would be lost with the finished one.
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory));
    }

    @Override
    public void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
