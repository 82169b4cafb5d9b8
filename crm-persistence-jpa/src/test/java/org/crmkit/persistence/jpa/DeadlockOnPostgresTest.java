package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionConflictException;
import org.crmkit.core.party.Account;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.AccountMother;
import org.crmkit.workflow.WorkflowRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two transactions that lock the same two accounts in opposite orders on PostgreSQL: the database breaks the
 * deadlock by ending one of them (SQLSTATE 40P01), which crmkit reports as a {@link TransactionConflictException},
 * and a workflow's retried work runs the ended one again, so that both complete.
 */
class DeadlockOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private JpaStorage storage;
    private Account first;
    private Account second;

    @BeforeEach
    void twoAccounts() {
        storage = database.storage(clock);
        first = storage.transactions()
                .inTransaction(() -> storage.accounts().save(AccountMother.anAccount(TENANT, ids, clock)));
        second = storage.transactions()
                .inTransaction(() -> storage.accounts().save(AccountMother.anAccount(TENANT, ids, clock)));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theTransactionPostgresEndsToBreakADeadlockFailsAsATransactionConflictThatCanBeRetried() throws Exception {
        CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Account[] order : new Account[][] {{first, second}, {second, first}}) {
            outcomes.add(threads.submit(() -> {
                try {
                    storage.transactions().inTransaction(() -> {
                        lock(order[0]);
                        awaitOther(bothHoldTheirFirstLock);
                        lock(order[1]);
                    });
                    return "committed";
                } catch (TransactionConflictException conflict) {
                    assertThat(conflict.errorCode()).isEqualTo(ErrorCode.TRANSACTION_CONFLICT);
                    assertThat(conflict.getMessage())
                            .contains("deadlock")
                            .contains("nothing of it was stored")
                            .contains("can be retried");
                    return "conflict";
                }
            }));
        }

        assertThat(List.of(
                        outcomes.get(0).get(1, TimeUnit.MINUTES),
                        outcomes.get(1).get(1, TimeUnit.MINUTES)))
                .containsExactlyInAnyOrder("committed", "conflict");
    }

    @Test
    void workflowWorkEndedByADeadlockRunsAgainInAFreshTransactionAndBothComplete() throws Exception {
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(Crm.builder().storage(storage).clock(clock).build())
                .store(JpaWorkflowStore.create(storage))
                .build();
        CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        Function<Account[], Supplier<String>> work = order -> () -> {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            lock(order[0]);
            if (firstAttempt) {
                awaitOther(bothHoldTheirFirstLock);
            }
            lock(order[1]);
            return "done";
        };
        List<Future<String>> outcomes = new ArrayList<>();
        for (Account[] order : new Account[][] {{first, second}, {second, first}}) {
            outcomes.add(threads.submit(
                    () -> runtime.inTransactionRetryingCollisions("locking two accounts", work.apply(order))));
        }

        assertThat(outcomes.get(0).get(1, TimeUnit.MINUTES)).isEqualTo("done");
        assertThat(outcomes.get(1).get(1, TimeUnit.MINUTES)).isEqualTo("done");
        assertThat(attempts.get())
                .as("attempts, the ended one's again among them")
                .isGreaterThanOrEqualTo(3);
    }

    /** A row lock on the account, taken in the current transaction. */
    private void lock(Account account) {
        ((JpaTransactions) storage.transactions())
                .withEntityManager(entityManager -> entityManager
                        .createNativeQuery("select id from crm_account where tenant_id = ?1 and id = ?2 for update")
                        .setParameter(1, TENANT.value())
                        .setParameter(2, account.id().value())
                        .getResultList());
    }

    private static void awaitOther(CountDownLatch latch) {
        latch.countDown();
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never took its first lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
