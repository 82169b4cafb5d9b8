package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.Contact;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.ContactMother;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two edits of one contact at the same time on PostgreSQL: the second writer's update waits on the row the first
 * one holds, and once the first commits it finds the version moved on and fails with a conflict.
 */
class ConcurrentEditTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private final ExecutorService secondWriter = Executors.newSingleThreadExecutor();
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    @AfterEach
    void stopWriter() {
        secondWriter.shutdownNow();
    }

    @Test
    void twoConcurrentEditsEndWithOneSuccessAndOneConflictAndNoLostUpdate() throws Exception {
        Contact saved = storage.transactions()
                .inTransaction(() -> storage.contacts().save(ContactMother.aContact(TENANT, ids, clock)));
        Contact first = storage.contacts().findById(TENANT, saved.id()).orElseThrow();
        Contact second = storage.contacts().findById(TENANT, saved.id()).orElseThrow();
        first.tag("first writer", clock);
        second.tag("second writer", clock);
        CountDownLatch firstSaved = new CountDownLatch(1);
        CompletableFuture<Throwable> secondOutcome = new CompletableFuture<>();

        storage.transactions().inTransaction(() -> {
            storage.contacts().save(first);
            firstSaved.countDown();
            secondWriter.submit(() -> {
                try {
                    storage.transactions()
                            .inTransaction(() -> storage.contacts().save(second));
                    secondOutcome.complete(null);
                } catch (Throwable failure) {
                    secondOutcome.complete(failure);
                }
            });
            awaitALockWait();
            assertThat(secondOutcome).isNotDone();
        });

        assertThat(firstSaved.getCount()).isZero();
        assertThat(secondOutcome.get(30, TimeUnit.SECONDS))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining(saved.id().toString());
        Contact stored = storage.contacts().findById(TENANT, saved.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.tags().has("first writer")).isTrue();
        assertThat(stored.tags().has("second writer")).isFalse();
    }

    /** Waits until some session of the test database waits for a row lock (the second writer's update). */
    private static void awaitALockWait() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database()")
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second writer never waited for the row lock");
            }
            Thread.onSpinWait();
        }
    }
}
