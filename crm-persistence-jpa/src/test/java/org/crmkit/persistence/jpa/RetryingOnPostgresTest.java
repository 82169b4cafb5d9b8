package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight writers change one contact at the same moment on PostgreSQL: each reads it, all meet at a barrier, then each
 * tags it. One wins; the others' updates find the version moved on.
 */
class RetryingOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final int WRITERS = 8;

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    private final CyclicBarrier allHaveRead = new CyclicBarrier(WRITERS);
    private JpaStorage storage;
    private Crm crm;
    private Contact ada;

    @BeforeEach
    void registerAda() {
        storage = database.storage(clock);
        crm = Crm.builder().storage(storage).clock(clock).build();
        ada = crm.parties().registerContact(NewContact.of(new PersonName(null, "Ada", null, "King"), UserId.next(ids)));
    }

    @AfterEach
    void stopWriters() {
        pool.shutdownNow();
    }

    /** Reads the contact in the current transaction, waits for every writer to have read it, then tags it. */
    private void readWaitAndTag(String tag) {
        crm.parties().contact(ada.id());
        try {
            allHaveRead.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the writers did not meet", e);
        }
        crm.parties().tag(ada.id(), tag);
    }

    /** Each writer's outcome: null when it succeeded, else what it threw. */
    private List<Throwable> concurrently(List<Callable<Void>> writers) throws Exception {
        List<Future<Void>> futures = new ArrayList<>();
        writers.forEach(writer -> futures.add(pool.submit(writer)));
        List<Throwable> outcomes = new ArrayList<>();
        for (Future<Void> future : futures) {
            try {
                future.get(60, TimeUnit.SECONDS);
                outcomes.add(null);
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        return outcomes;
    }

    @Test
    void aConflictNamesTheRecordAndTheExpectedAndStoredVersions() throws Exception {
        List<Callable<Void>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String tag = "writer " + i;
            writers.add(() -> {
                storage.transactions().inTransaction(() -> readWaitAndTag(tag));
                return null;
            });
        }

        List<Throwable> outcomes = concurrently(writers);

        assertThat(outcomes).filteredOn(outcome -> outcome == null).hasSize(1);
        assertThat(outcomes)
                .filteredOn(outcome -> outcome != null)
                .hasSize(WRITERS - 1)
                .allSatisfy(conflict -> {
                    assertThat(conflict)
                            .isInstanceOf(StaleVersionException.class)
                            .hasMessage("CRM-0005: Contact " + ada.id()
                                    + " was changed concurrently: expected version 1 but the stored" + " version is 2");
                    StaleVersionException stale = (StaleVersionException) conflict;
                    assertThat(stale.recordType()).isEqualTo("Contact");
                    assertThat(stale.id()).isEqualTo(ada.id());
                    assertThat(stale.expectedVersion()).isEqualTo(1);
                    assertThat(stale.actualVersion()).isEqualTo(2);
                });
    }

    @Test
    void retryingRunsEveryConflictingWriterAgainUntilAllHaveTagged() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Callable<Void>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String tag = "writer " + i;
            writers.add(() -> {
                boolean[] first = {true};
                crm.retrying(WRITERS, () -> {
                    runs.incrementAndGet();
                    if (first[0]) {
                        first[0] = false;
                        readWaitAndTag(tag);
                    } else {
                        crm.parties().tag(ada.id(), tag);
                    }
                });
                return null;
            });
        }

        List<Throwable> outcomes = concurrently(writers);

        assertThat(outcomes).containsOnlyNulls();
        Contact stored = crm.parties().contact(ada.id());
        for (int i = 0; i < WRITERS; i++) {
            assertThat(stored.tags().has("writer " + i)).as("writer " + i).isTrue();
        }
        assertThat(stored.version()).isEqualTo(1 + WRITERS);
        assertThat(runs.get())
                .as("the first runs all met; every one but the winner ran again")
                .isGreaterThan(WRITERS);
    }
}
