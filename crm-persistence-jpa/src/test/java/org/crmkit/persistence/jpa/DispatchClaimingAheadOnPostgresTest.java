package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher claims the next batch of actions on a thread and connection of its own while the batch before is
 * delivered and recorded: on a real PostgreSQL, with real threads, one node and two.
 */
class DispatchClaimingAheadOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final int ACTIONS = 450;

    private final SettableClock clock = SettableClock.at(START);
    private final JpaStorage storage = database.storage(clock);
    private final AccountId account = AccountId.next(new IdGenerator(clock));
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** The workflow the actions belong to; {@code recorded} runs in each batch's record transaction. */
    private record Reminders(RecordedBatch recorded) implements Workflow {

        @Override
        public String name() {
            return "reminders";
        }

        @Override
        public int planDue(Instant asOf) {
            return 0;
        }

        @Override
        public void onDeliveredAll(List<Action> actions) {
            recorded.of(actions);
        }
    }

    @FunctionalInterface
    private interface RecordedBatch {
        void of(List<Action> actions);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private WorkflowRuntime node(JpaStorage storage, MessageChannel email, RecordedBatch recorded) {
        return node(storage, email, recorded, 1);
    }

    private WorkflowRuntime node(JpaStorage storage, MessageChannel email, RecordedBatch recorded, int dispatchers) {
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(Channel.EMAIL, email)
                .dispatchers(dispatchers)
                .build();
        runtime.register(new Reminders(recorded));
        return runtime;
    }

    private static PlannedAction reminder(String key, Instant due, AccountId account) {
        return new PlannedAction(
                key,
                key,
                new Message(
                        Channel.EMAIL,
                        key + "@example.com",
                        key,
                        "Reminder",
                        "Dear " + key + ",",
                        Locale.ENGLISH,
                        RecordRef.account(account)),
                due);
    }

    /** {@code count} reminders k-0, k-1, ..., due a second apart in that order; returns their keys. */
    private List<String> planReminders(WorkflowRuntime runtime, int count) {
        List<String> keys = IntStream.range(0, count).mapToObj(i -> "k-" + i).toList();
        runtime.transactions()
                .inTransaction(() -> runtime.outbox()
                        .scheduleAll(
                                "reminders",
                                IntStream.range(0, count)
                                        .mapToObj(i -> reminder(keys.get(i), START.minusSeconds(count - i), account))
                                        .toList()));
        return keys;
    }

    /** Whether the action is claimed, as committed: read on another thread, outside the caller's transaction. */
    private boolean claimedWithinSeconds(WorkflowRuntime runtime, String key, int seconds) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                            while (System.nanoTime() < end) {
                                if (runtime.actionByKey(key).orElseThrow().claimedUntil() != null) {
                                    return true;
                                }
                                pause();
                            }
                            return false;
                        },
                        threads)
                .join();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void nextBatchIsClaimedWhileTheOneBeforeIsDeliveredAndEveryActionGoesOutOnceInDueOrder() {
        List<Boolean> thirdBatchClaimedMeanwhile = new ArrayList<>();
        WorkflowRuntime[] runtime = new WorkflowRuntime[1];
        runtime[0] = node(
                storage,
                (key, message) -> {
                    if (key.equals("k-200")) {
                        // the first action of the second batch: the third batch (k-400 ...) is claimed meanwhile
                        thirdBatchClaimedMeanwhile.add(claimedWithinSeconds(runtime[0], "k-400", 30));
                    }
                    sent.add(key);
                },
                actions -> {});
        List<String> keys = planReminders(runtime[0], ACTIONS);

        RunReport report = runtime[0].dispatchDue(START);

        assertThat(thirdBatchClaimedMeanwhile).containsExactly(true);
        assertThat(report).isEqualTo(new RunReport(0, ACTIONS, 0, 0));
        assertThat(sent).containsExactlyElementsOf(keys);
        assertThat(runtime[0]
                        .actions(ActionStatus.DELIVERED, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(ACTIONS);
        assertThat(runtime[0]
                        .actions(ActionStatus.PENDING, PageRequest.first(1))
                        .totalElements())
                .isZero();
    }

    @Test
    void actionPlannedByARecordAfterTheLastClaimIsDeliveredInTheSameRun() {
        WorkflowRuntime[] runtime = new WorkflowRuntime[1];
        runtime[0] = node(storage, (key, message) -> sent.add(key), actions -> {
            if (actions.get(0).deduplicationKey().equals("k-200")) {
                // recording the second batch: the third and last (short) batch was claimed ahead meanwhile, so only
                // a claim after this record finds the follow-up
                assertThat(claimedWithinSeconds(runtime[0], "k-400", 30)).isTrue();
                runtime[0].outbox().schedule("reminders", reminder("follow-up", START, account));
            }
        });
        planReminders(runtime[0], ACTIONS);

        RunReport report = runtime[0].dispatchDue(START);

        assertThat(report.delivered()).isEqualTo(ACTIONS + 1);
        assertThat(sent).hasSize(ACTIONS + 1).doesNotHaveDuplicates().endsWith("follow-up");
    }

    @Test
    void twoNodesClaimingAheadDeliverEachActionOnce() throws Exception {
        deliverOnTwoNodesTogether(1);
    }

    @Test
    void threeDispatchersOnEachOfTwoNodesDeliverEachActionOnce() throws Exception {
        deliverOnTwoNodesTogether(3);
    }

    private void deliverOnTwoNodesTogether(int dispatchers) throws Exception {
        WorkflowRuntime first = node(storage, (key, message) -> sent.add(key), actions -> {}, dispatchers);
        WorkflowRuntime second = node(
                JpaStorage.builder(database.entityManagerFactory()).clock(clock).build(),
                (key, message) -> sent.add(key),
                actions -> {},
                dispatchers);
        List<String> keys = planReminders(first, 3 * ACTIONS);

        RunReport together = WorkflowNodes.sum(WorkflowNodes.runTogether(threads, List.of(first, second), START));

        assertThat(together).isEqualTo(new RunReport(0, 3 * ACTIONS, 0, 0));
        assertThat(sent).hasSize(3 * ACTIONS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys);
        assertThat(first.actions(ActionStatus.DELIVERED, PageRequest.first(1)).totalElements())
                .isEqualTo(3 * ACTIONS);
        assertThat(first.runDue(START.plus(Duration.ofMinutes(6)))).isEqualTo(new RunReport(0, 0, 0, 0));
    }
}
