package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the own store of any stateful workflow must do, whatever its records are (a host's trials, subscriptions,
 * onboarding checklists): live beside crmkit's storage and inside its transactions. A new record is stored with
 * version 1 and read back equal; a changed one is saved only over the version it was read at; writes outside a
 * transaction are refused; a rollback of crmkit's transaction takes the write back; a tenant never sees another's
 * records; two transactions changing the same record at once store one change. A store's test extends it and tells
 * it how to make, save, find and change one record.
 *
 * @param <R> the store's record
 */
public abstract class WorkflowOwnStoreContract<R> {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");

    protected SettableClock clock;
    protected Storage storage;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** Creates the store under test, empty, beside {@code storage} and joining its transactions. */
    protected abstract void createStore(Storage storage);

    /** A new record of the tenant (version 0), a different one each call. */
    protected abstract R newRecord(TenantId tenant);

    /** Saves the record through the store under test (inserts a new one, updates a changed one). */
    protected abstract R save(R record);

    /** The record with the identity of {@code record}, as stored for {@code tenant}. */
    protected abstract Optional<R> find(TenantId tenant, R record);

    /** A changed copy of a stored record, with its identity and the version it was read at. */
    protected abstract R changed(R stored);

    protected abstract long version(R record);

    /** Releases what {@link #createStorage} opened; nothing by default. */
    protected void closeStorage() {}

    @BeforeEach
    void openStore() {
        clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        storage = createStorage(clock);
        createStore(storage);
    }

    @AfterEach
    void closeStore() {
        closeStorage();
    }

    private R inTransaction(java.util.function.Supplier<R> work) {
        return storage.transactions().inTransaction(work);
    }

    @Test
    void aNewRecordIsStoredWithVersionOneAndReadBackEqual() {
        R stored = inTransaction(() -> save(newRecord(TENANT_A)));

        assertThat(version(stored)).isEqualTo(1);
        assertThat(find(TENANT_A, stored)).contains(stored);
    }

    @Test
    void aChangeIsSavedOverTheVersionItWasReadAtAndAStaleCopyIsRefused() {
        R first = inTransaction(() -> save(newRecord(TENANT_A)));
        R second = inTransaction(() -> save(changed(first)));

        assertThat(version(second)).isEqualTo(2);
        assertThatThrownBy(() -> inTransaction(() -> save(changed(first)))).isInstanceOf(StaleVersionException.class);
        assertThat(find(TENANT_A, first)).contains(second);
    }

    @Test
    void writesOutsideATransactionAreRefusedAndStoreNothing() {
        R record = newRecord(TENANT_A);

        assertThatThrownBy(() -> save(record)).isInstanceOf(CrmException.class).hasMessageContaining("transaction");
        assertThat(find(TENANT_A, record)).isEmpty();
    }

    @Test
    void writesRollBackWithCrmkitsTransaction() {
        R stored = inTransaction(() -> save(newRecord(TENANT_A)));
        R lost = newRecord(TENANT_A);

        assertThatThrownBy(() -> inTransaction(() -> {
                    save(lost);
                    save(changed(stored));
                    throw new IllegalStateException("the workflow failed after writing");
                }))
                .hasMessage("the workflow failed after writing");

        assertThat(find(TENANT_A, lost)).isEmpty();
        assertThat(find(TENANT_A, stored)).contains(stored);
    }

    @Test
    void aTenantNeverSeesAnothersRecords() {
        R ofA = inTransaction(() -> save(newRecord(TENANT_A)));

        assertThat(find(TENANT_B, ofA)).isEmpty();
        assertThat(find(TENANT_A, ofA)).contains(ofA);
    }

    @Test
    void twoTransactionsChangingTheSameRecordAtOnceStoreOneChange() throws Exception {
        R stored = inTransaction(() -> save(newRecord(TENANT_A)));
        CountDownLatch firstSaved = new CountDownLatch(1);

        CompletableFuture<R> first = CompletableFuture.supplyAsync(() -> inTransaction(() -> {
            R saved = save(changed(stored));
            firstSaved.countDown();
            pause();
            return saved;
        }));
        CompletableFuture<R> second = CompletableFuture.supplyAsync(() -> {
            await(firstSaved);
            return inTransaction(() -> save(changed(stored)));
        });

        R saved = first.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StaleVersionException.class);
        assertThat(find(TENANT_A, stored)).contains(saved);
    }

    /** Lets the other transaction reach its save (and wait for this one's lock on a database) before committing. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
