package org.crmkit.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every adapter contract: an adapter's test class extends a contract (e.g. {@code OutboxContract}) and
 * supplies a fresh, empty {@link Storage} per test. Gives the contracts two tenants, a settable clock, an id
 * generator and a helper that runs writers on several threads at once.
 */
public abstract class StorageContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;

    /** A new storage with no records of tenants {@code tenant-a} and {@code tenant-b}; its outbox uses {@code clock}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** Releases what {@link #createStorage} opened; nothing by default. */
    protected void closeStorage(Storage storage) {}

    @BeforeEach
    void openStorage() {
        clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
    }

    @AfterEach
    void releaseStorage() {
        closeStorage(storage);
    }

    /** A {@link Crm} of the tenant over the adapter whose listener adds every delivered event to {@code events}. */
    protected Crm crmRecording(TenantId tenant, List<DomainEvent> events) {
        return Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(tenant)
                .eventListener(entry -> events.add(entry.event()))
                .build();
    }

    /** Runs the tasks on their own threads, started together; returns each task's result or failure. */
    protected static <T> List<Outcome<T>> concurrently(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a concurrent task did not finish within 60 s", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one concurrent task ended with: a value, or the exception it threw. */
    public record Outcome<T>(T value, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }
}
