package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two transactions adding an action with the same deduplication key at the same time, on PostgreSQL: the later one
 * waits for the earlier one and then finds the key taken, without an error, a retry or a log line (a refused insert
 * would be logged by Hibernate with the row's values: the recipient's name and e-mail address).
 */
class ActionKeyCollisionOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
    private static final TenantId TENANT = TenantId.of("default");

    private final SettableClock clock = SettableClock.at(NOW);
    private final IdGenerator ids = new IdGenerator(clock);
    private final JpaStorage storage = database.storage(clock);
    private final ActionStore actions = JpaWorkflowStore.create(storage).actions();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theLaterOfTwoConcurrentAddsOfOneKeyWaitsAndFindsItTakenWithoutAnErrorOrALogLine() throws Exception {
        String key = "dunning:" + AccountId.next(ids) + ":1:notice";
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);

        String log = WorkflowNodes.standardErrorOf(() -> {
            Future<Boolean> first = threads.submit(() -> storage.transactions().inTransaction(() -> {
                boolean added = actions.add(action(key));
                firstAdded.countDown();
                await(secondStarted);
                // the second transaction's insert is under way and waits for this one to end
                sleep(500);
                return added;
            }));
            await(firstAdded);
            Future<Boolean> second = threads.submit(() -> storage.transactions().inTransaction(() -> {
                secondStarted.countDown();
                return actions.add(action(key));
            }));
            assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
            assertThat(second.get(1, TimeUnit.MINUTES)).isFalse();
        });

        assertThat(log).isEmpty();
        assertThat(actions.findByKey(TENANT, key)).isPresent();
    }

    @Test
    void addingSeveralKeysTakenByAConcurrentTransactionStoresOnlyTheFreeOnes() throws Exception {
        String taken = "greeting:" + AccountId.next(ids) + ":birthday:2026";
        String free = "greeting:" + AccountId.next(ids) + ":birthday:2026";
        Action takenAgain = action(taken);
        Action other = action(free);
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);

        String log = WorkflowNodes.standardErrorOf(() -> {
            Future<Boolean> first = threads.submit(() -> storage.transactions().inTransaction(() -> {
                boolean added = actions.add(action(taken));
                firstAdded.countDown();
                await(secondStarted);
                sleep(500);
                return added;
            }));
            await(firstAdded);
            Future<List<Action>> second =
                    threads.submit(() -> storage.transactions().inTransaction(() -> {
                        secondStarted.countDown();
                        return actions.addAll(List.of(takenAgain, other));
                    }));
            assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
            assertThat(second.get(1, TimeUnit.MINUTES)).containsExactly(other);
        });

        assertThat(log).isEmpty();
        assertThat(actions.findByKey(TENANT, free)).map(Action::id).contains(other.id());
        assertThat(actions.findByKey(TENANT, taken).orElseThrow().id()).isNotEqualTo(takenAgain.id());
    }

    private Action action(String key) {
        Message message = new Message(
                Channel.EMAIL,
                "kim.berg@acme.example",
                "Kim Berg",
                "Reminder",
                "Dear Kim Berg, please pay.",
                Locale.ENGLISH,
                RecordRef.account(AccountId.next(ids)));
        return Action.planned(
                ActionId.next(ids), TENANT, "dunning", new PlannedAction(key, "dunning:1", message, NOW), NOW);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
