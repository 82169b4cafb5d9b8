package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.testkit.SampleEvent;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** crmkit's work inside a transaction that the host began, on an entity manager that the host owns. */
class HostTransactionsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private final FakeHost host = new FakeHost();
    private JpaStorage storage;

    /** A host with one resource-local transaction at a time, as Spring's JpaTransactionManager would hold it. */
    private static final class FakeHost implements HostTransactions {
        EntityManager entityManager;
        final List<Runnable> afterCommit = new ArrayList<>();

        void begin() {
            entityManager = database.entityManagerFactory().createEntityManager();
            entityManager.getTransaction().begin();
        }

        void commit() {
            entityManager.getTransaction().commit();
            end();
            afterCommit.forEach(Runnable::run);
            afterCommit.clear();
        }

        void rollback() {
            entityManager.getTransaction().rollback();
            end();
            afterCommit.clear();
        }

        private void end() {
            entityManager.close();
            entityManager = null;
        }

        @Override
        public Optional<EntityManager> currentEntityManager() {
            return Optional.ofNullable(entityManager);
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }
    }

    @BeforeEach
    void openStorage() {
        storage = database.storage(builder -> builder.clock(clock).hostTransactions(host));
    }

    @AfterEach
    void endHostTransaction() {
        if (host.entityManager != null) {
            host.rollback();
        }
    }

    private SampleEvent event(String note) {
        return new SampleEvent(TenantId.of("tenant-a"), ids.next(), clock.instant(), note);
    }

    private List<String> pendingNotes() {
        return storage.transactions().inTransaction(() -> storage.outbox().pending(100)).stream()
                .map(OutboxEntry::event)
                .map(event -> ((SampleEvent) event).note())
                .toList();
    }

    @Test
    void workInsideTheHostTransactionCommitsWithTheHost() {
        host.begin();
        storage.transactions().inTransaction(() -> storage.outbox().append(List.of(event("with the host"))));

        assertThat(database.count("select count(*) from crm_outbox")).isZero();
        host.commit();

        assertThat(pendingNotes()).containsExactly("with the host");
    }

    @Test
    void workInsideTheHostTransactionRollsBackWithTheHost() {
        host.begin();
        storage.transactions().inTransaction(() -> storage.outbox().append(List.of(event("lost with the host"))));

        host.rollback();

        assertThat(pendingNotes()).isEmpty();
    }

    @Test
    void theHostTransactionCountsAsActiveAndCarriesTheAfterCommitActions() {
        List<String> log = new ArrayList<>();
        host.begin();

        assertThat(storage.transactions().isActive()).isTrue();
        storage.transactions()
                .inTransaction(() -> storage.transactions().afterCommit(() -> log.add("after the host's commit")));
        storage.transactions().afterCommit(() -> log.add("registered outside crmkit's work"));
        assertThat(log).isEmpty();

        host.commit();

        assertThat(log).containsExactly("after the host's commit", "registered outside crmkit's work");
        assertThat(storage.transactions().isActive()).isFalse();
    }

    @Test
    void withoutAHostTransactionCrmkitRunsItsOwn() {
        storage.transactions().inTransaction(() -> storage.outbox().append(List.of(event("own transaction"))));

        assertThat(database.count("select count(*) from crm_outbox")).isEqualTo(1);
    }

    @Test
    void aHostWithoutTransactionsRefusesAnAfterCommitActionWithItsCode() {
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> HostTransactions.NONE.afterCommit(() -> ran.add("never")))
                .isInstanceOfSatisfying(
                        TransactionRequiredException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TRANSACTION_REQUIRED));
        assertThat(ran).isEmpty();
    }
}
