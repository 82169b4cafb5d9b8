package org.crmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.RetryPolicy;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class WorkflowRuntimeTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final InMemoryWorkflowStore store = InMemoryWorkflowStore.create(storage);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private volatile boolean crashNext;
    /** The host's email channel: the gateway, unless the process is to die in the middle of the next delivery. */
    private final MessageChannel email = (key, message) -> {
        if (crashNext) {
            crashNext = false;
            throw new SimulatedCrash();
        }
        gateway.send(key, message);
    };

    private final AccountId account = crm.parties()
            .registerAccount(NewAccount.of("ACME", UserId.next(new IdGenerator(clock))))
            .id();

    /** Plans one email per name in its list: the key is derived from the name, as the contract asks. */
    private static class Greetings implements Workflow {
        final List<String> due = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        /** The keys of each call of onDeliveredAll: the deliveries recorded together. */
        final List<List<String>> recordedTogether = new CopyOnWriteArrayList<>();

        private final WorkflowRuntime runtime;
        private final AccountId account;

        Greetings(WorkflowRuntime runtime, AccountId account) {
            this.runtime = runtime;
            this.account = account;
        }

        @Override
        public String name() {
            return "greetings";
        }

        @Override
        public int planDue(Instant asOf) {
            return runtime.transactions().inTransaction(() -> (int) due.stream()
                    .filter(name -> runtime.outbox()
                            .schedule(
                                    name(),
                                    new PlannedAction(
                                            "greeting:" + name, "greeting:" + name, message(name, account), asOf)))
                    .count());
        }

        @Override
        public void onDeliveredAll(List<Action> actions) {
            recordedTogether.add(actions.stream().map(Action::deduplicationKey).toList());
            Workflow.super.onDeliveredAll(actions);
        }

        @Override
        public void onDelivered(Action action) {
            delivered.add(action.deduplicationKey());
        }

        @Override
        public void onFailed(Action action) {
            failed.add(action.deduplicationKey());
        }
    }

    private static Message message(String name, AccountId account) {
        return new Message(
                Channel.EMAIL,
                name + "@example.com",
                name,
                "Hello " + name,
                "Dear " + name + ",",
                Locale.ENGLISH,
                RecordRef.account(account));
    }

    /** Stands for the process dying in the middle of a delivery: nothing after it runs. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private WorkflowRuntime runtime(RetryPolicy retryPolicy) {
        return WorkflowRuntime.builder()
                .crm(crm)
                .store(store)
                .channel(Channel.EMAIL, email)
                .retryPolicy(retryPolicy)
                .lease(Duration.ofMinutes(5))
                .build();
    }

    private Greetings greetings(WorkflowRuntime runtime, String... names) {
        Greetings workflow = new Greetings(runtime, account);
        workflow.due.addAll(List.of(names));
        runtime.register(workflow);
        return workflow;
    }

    @Test
    void plannedMessageIsSentOnceHoweverOftenTheRunRepeatsOnTheSameDay() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        Greetings workflow = greetings(runtime, "ada", "bob");

        RunReport first = runtime.runDue(clock.instant());
        RunReport second = runtime.runDue(clock.instant());
        RunReport third = runtime.runDue(clock.instant().plusSeconds(60));

        assertThat(first).isEqualTo(new RunReport(2, 2, 0, 0));
        assertThat(second).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(third).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(gateway.keys()).containsExactlyInAnyOrder("greeting:ada", "greeting:bob");
        assertThat(workflow.delivered).containsExactlyInAnyOrder("greeting:ada", "greeting:bob");
        assertThat(runtime.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.DELIVERED))
                .satisfies(a -> assertThat(a.attempts()).isEqualTo(1))
                .satisfies(a -> assertThat(a.finishedAt()).isEqualTo(START));
    }

    @Test
    void actionPlannedInAFailedTransactionIsNotStored() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());

        assertThatThrownBy(() -> runtime.transactions().inTransaction(() -> {
                    runtime.outbox()
                            .schedule(
                                    "greetings",
                                    new PlannedAction("greeting:eve", "greeting:eve", message("eve", account), START));
                    throw new IllegalStateException("state change failed");
                }))
                .hasMessage("state change failed");

        assertThat(runtime.actionByKey("greeting:eve")).isEmpty();
        assertThat(runtime.dispatchDue(START)).isEqualTo(new RunReport(0, 0, 0, 0));
        runtime.transactions()
                .inTransaction(() -> runtime.outbox()
                        .schedule(
                                "greetings",
                                new PlannedAction("greeting:eve", "greeting:eve", message("eve", account), START)));
        assertThat(runtime.actionByKey("greeting:eve")).isPresent();
    }

    @Test
    void outboxRefusesWritesOutsideTheTransactionOfTheStateChange() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());

        assertThatThrownBy(() -> runtime.outbox()
                        .schedule(
                                "greetings",
                                new PlannedAction("greeting:eve", "greeting:eve", message("eve", account), START)))
                .isInstanceOf(TransactionRequiredException.class)
                .hasMessageContaining("transaction")
                .extracting(e -> ((TransactionRequiredException) e).errorCode())
                .isEqualTo(ErrorCode.TRANSACTION_REQUIRED);
    }

    @Test
    void deliveryWhoseRecordCollidesWithAnotherNodesChangeIsRecordedAgainWithoutSendingTwice() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        AtomicInteger collisionsLeft = new AtomicInteger(2);
        Greetings workflow = new Greetings(runtime, account) {
            @Override
            public void onDelivered(Action action) {
                if (collisionsLeft.getAndDecrement() > 0) {
                    throw new StaleVersionException("Greeting", action.subject(), 3, 4);
                }
                super.onDelivered(action);
            }
        };
        workflow.due.add("ada");
        runtime.register(workflow);

        RunReport report = runtime.runDue(START);

        assertThat(report).isEqualTo(new RunReport(1, 1, 0, 0));
        assertThat(gateway.keys()).containsExactly("greeting:ada");
        assertThat(workflow.delivered).containsExactly("greeting:ada");
        assertThat(runtime.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.DELIVERED))
                .satisfies(a -> assertThat(a.attempts()).isEqualTo(1));
    }

    @Test
    void channelFailingTwiceIsRetriedWithExponentialBackoffAndThenDelivers() {
        WorkflowRuntime runtime = runtime(RetryPolicy.exponential(5, Duration.ofMinutes(1), Duration.ofHours(1)));
        greetings(runtime, "ada");
        gateway.failNext(2, "mail server unavailable");

        assertThat(runtime.runDue(START)).isEqualTo(new RunReport(1, 0, 1, 0));
        assertThat(runtime.actionByKey("greeting:ada")).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.PENDING);
            assertThat(a.attempts()).isEqualTo(1);
            assertThat(a.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
            assertThat(a.lastError()).isEqualTo("mail server unavailable");
        });
        assertThat(runtime.runDue(START.plusSeconds(59))).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(runtime.runDue(START.plusSeconds(60))).isEqualTo(new RunReport(0, 0, 1, 0));
        assertThat(runtime.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.nextAttemptAt())
                        .isEqualTo(START.plusSeconds(60).plus(Duration.ofMinutes(2))));
        assertThat(runtime.runDue(START.plusSeconds(180))).isEqualTo(new RunReport(0, 1, 0, 0));

        assertThat(gateway.keys()).containsExactly("greeting:ada");
        assertThat(runtime.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.DELIVERED))
                .satisfies(a -> assertThat(a.attempts()).isEqualTo(3));
    }

    @Test
    void channelFailingPastTheLastAttemptLeavesTheActionFailedForStaffToRetry() {
        WorkflowRuntime runtime = runtime(RetryPolicy.exponential(2, Duration.ofMinutes(1), Duration.ofMinutes(1)));
        Greetings workflow = greetings(runtime, "ada");
        gateway.failNext(2, "mail server unavailable");

        runtime.runDue(START);
        RunReport last = runtime.runDue(START.plus(Duration.ofMinutes(1)));

        assertThat(last).isEqualTo(new RunReport(0, 0, 0, 1));
        assertThat(workflow.failed).containsExactly("greeting:ada");
        List<Action> failed =
                runtime.actions(ActionStatus.FAILED, PageRequest.first(10)).items();
        assertThat(failed).singleElement().satisfies(a -> {
            assertThat(a.deduplicationKey()).isEqualTo("greeting:ada");
            assertThat(a.attempts()).isEqualTo(2);
            assertThat(a.lastError()).isEqualTo("mail server unavailable");
        });
        assertThat(runtime.runDue(START.plus(Duration.ofDays(1)))).isEqualTo(new RunReport(0, 0, 0, 0));

        clock.set(START.plus(Duration.ofDays(1)));
        runtime.retry(failed.get(0).id());
        assertThat(runtime.runDue(clock.instant())).isEqualTo(new RunReport(0, 1, 0, 0));
        assertThat(gateway.keys()).containsExactly("greeting:ada");
        assertThat(runtime.actions(ActionStatus.FAILED, PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void crashBetweenCommitAndDeliveryLosesNothingAndRedeliversUnderTheSameKey() {
        WorkflowRuntime dying = runtime(RetryPolicy.standard());
        greetings(dying, "ada");
        crashNext = true;

        assertThatThrownBy(() -> dying.runDue(START)).isInstanceOf(SimulatedCrash.class);
        assertThat(dying.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.PENDING))
                .satisfies(a -> assertThat(a.claimedUntil()).isEqualTo(START.plus(Duration.ofMinutes(5))));

        WorkflowRuntime restarted = runtime(RetryPolicy.standard());
        greetings(restarted, "ada");
        assertThat(restarted.runDue(START.plus(Duration.ofMinutes(4)))).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(restarted.runDue(START.plus(Duration.ofMinutes(5)))).isEqualTo(new RunReport(0, 1, 0, 0));
        assertThat(gateway.keys()).containsExactly("greeting:ada");
    }

    @Test
    void callQueueEntryBecomesExactlyOneTaskInTheCrm() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        UserId clerk = UserId.next(new IdGenerator(clock));
        NewTask call = NewTask.of("Call about invoice 2026-17", START.plus(Duration.ofDays(2)), clerk)
                .linkedTo(RecordRef.account(account));
        runtime.transactions()
                .inTransaction(() -> runtime.outbox()
                        .schedule(
                                "dunning",
                                new PlannedAction("call:2026-17", "case:1", new CallQueueEntry(call), START)));

        runtime.runDue(START);
        runtime.runDue(START.plusSeconds(3600));

        List<Task> tasks = crm.activities()
                .tasksOf(clerk, java.util.Set.of(), PageRequest.first(10))
                .items();
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.subject()).isEqualTo("Call about invoice 2026-17");
            assertThat(task.dueAt()).isEqualTo(START.plus(Duration.ofDays(2)));
        });
    }

    @Test
    void aBatchsDeliveriesAreRecordedTogetherAndAChannelFailingForOneLeavesOnlyThatOnePending() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        Greetings workflow = greetings(runtime, "ada", "bob", "cy");
        gateway.refuse("greeting:bob", "mailbox full");

        RunReport report = runtime.runDue(START);

        assertThat(report).isEqualTo(new RunReport(3, 2, 1, 0));
        assertThat(workflow.recordedTogether).containsExactly(List.of("greeting:ada", "greeting:cy"));
        assertThat(workflow.delivered).containsExactly("greeting:ada", "greeting:cy");
        assertThat(runtime.actionByKey("greeting:bob")).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.PENDING);
            assertThat(a.attempts()).isEqualTo(1);
            assertThat(a.lastError()).isEqualTo("mailbox full");
        });
    }

    @Test
    void aBatchWhoseRecordFailsForOneActionIsRecordedOneByOneWithoutSendingAgain() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        Greetings workflow = new Greetings(runtime, account) {
            @Override
            public void onDelivered(Action action) {
                if (action.deduplicationKey().equals("greeting:ada")) {
                    throw new IllegalStateException("ada's record is broken");
                }
                super.onDelivered(action);
            }
        };
        workflow.due.addAll(List.of("ada", "bob", "cy"));
        runtime.register(workflow);

        RunReport report = runtime.runDue(START);

        assertThat(report).isEqualTo(new RunReport(3, 2, 1, 0));
        assertThat(gateway.keys()).containsExactly("greeting:ada", "greeting:bob", "greeting:cy");
        assertThat(workflow.delivered).containsExactly("greeting:bob", "greeting:cy");
        assertThat(runtime.actionByKey("greeting:ada")).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.PENDING);
            assertThat(a.lastError()).isEqualTo("ada's record is broken");
        });
    }

    @Test
    void callQueueEntriesOfABatchBecomeTasksTogetherAndOneThatFailsIsRetriedWithoutTheOthersTwice() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        UserId clerk = UserId.next(new IdGenerator(clock));
        runtime.handleInTransaction(CallQueueEntry.class, (action, entry) -> {
            if (entry.task().subject().contains("blocked")) {
                throw new IllegalStateException(
                        "the call queue refuses " + entry.task().subject());
            }
            crm.activities().createTask(entry.task());
        });
        runtime.transactions().inTransaction(() -> {
            for (String invoice : List.of("2026-17", "2026-18 blocked", "2026-19")) {
                NewTask call = NewTask.of("Call about invoice " + invoice, START.plus(Duration.ofDays(2)), clerk)
                        .linkedTo(RecordRef.account(account));
                runtime.outbox()
                        .schedule(
                                "dunning",
                                new PlannedAction("call:" + invoice, "case:1", new CallQueueEntry(call), START));
            }
        });

        RunReport report = runtime.runDue(START);

        assertThat(report).isEqualTo(new RunReport(0, 2, 1, 0));
        assertThat(crm.activities()
                        .tasksOf(clerk, Set.of(), PageRequest.first(10))
                        .items())
                .extracting(Task::subject)
                .containsExactlyInAnyOrder("Call about invoice 2026-17", "Call about invoice 2026-19");
        assertThat(runtime.actionByKey("call:2026-18 blocked")).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.PENDING);
            assertThat(a.lastError()).isEqualTo("the call queue refuses Call about invoice 2026-18 blocked");
        });
    }

    @Test
    void withFourDeliveryThreadsFourSlowChannelCallsWaitAtOnceAndTheirBatchIsRecordedTogether() {
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        MessageChannel slowGateway = (key, message) -> {
            fourAtOnce.countDown();
            try {
                if (!fourAtOnce.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gateway was called one call after another");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            email.send(key, message);
        };
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(store)
                .channel(Channel.EMAIL, slowGateway)
                .deliveryThreads(4)
                .build();
        Greetings workflow = greetings(runtime, "ada", "bob", "cy", "dee");

        RunReport report = runtime.runDue(START);

        assertThat(report).isEqualTo(new RunReport(4, 4, 0, 0));
        assertThat(gateway.keys())
                .containsExactlyInAnyOrder("greeting:ada", "greeting:bob", "greeting:cy", "greeting:dee");
        assertThat(workflow.recordedTogether)
                .containsExactly(List.of("greeting:ada", "greeting:bob", "greeting:cy", "greeting:dee"));
    }

    @Test
    void cancelledActionIsNeverDelivered() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        runtime.transactions().inTransaction(() -> {
            runtime.outbox()
                    .schedule(
                            "greetings",
                            new PlannedAction(
                                    "greeting:ada", "case:7", message("ada", account), START.plus(Duration.ofDays(1))));
            runtime.outbox()
                    .schedule(
                            "greetings",
                            new PlannedAction(
                                    "greeting:bob", "case:8", message("bob", account), START.plus(Duration.ofDays(1))));
        });

        List<Action> cancelled =
                runtime.transactions().inTransaction(() -> runtime.outbox().cancelPending("case:7"));
        runtime.runDue(START.plus(Duration.ofDays(1)));

        assertThat(cancelled).extracting(Action::deduplicationKey).containsExactly("greeting:ada");
        assertThat(runtime.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.CANCELLED));
        assertThat(gateway.keys()).containsExactly("greeting:bob");
    }

    @Test
    void twoRunnersAtOnceDeliverEveryActionOnce() throws Exception {
        WorkflowRuntime first = runtime(RetryPolicy.standard());
        WorkflowRuntime second = runtime(RetryPolicy.standard());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            names.add("customer" + i);
        }
        greetings(first, names.toArray(String[]::new));
        greetings(second, names.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            var a = pool.submit(() -> {
                go.await();
                return first.runDue(START);
            });
            var b = pool.submit(() -> {
                go.await();
                return second.runDue(START);
            });
            go.countDown();
            RunReport total = a.get(30, TimeUnit.SECONDS).plus(b.get(30, TimeUnit.SECONDS));
            assertThat(total.planned()).isEqualTo(500);
            assertThat(total.delivered()).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
        assertThat(gateway.keys()).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void defaultRunnerRunsTheRuntimeOnItsOwnThread() throws Exception {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        greetings(runtime, "ada");
        try (DefaultRunner runner = DefaultRunner.start(runtime, Duration.ofMillis(10))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gateway.sent().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(gateway.keys()).containsExactly("greeting:ada");
    }

    @Test
    void workflowNamesAreUniqueAndTheLeaseAndDeliveryThreadsMustBePositive() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        greetings(runtime, "ada");

        assertThatThrownBy(() -> greetings(runtime, "bob"))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessageContaining("greetings");
        assertThatThrownBy(() -> WorkflowRuntime.builder().lease(Duration.ZERO))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("lease");
        assertThatThrownBy(() -> WorkflowRuntime.builder().deliveryThreads(0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("threads");
        assertThatThrownBy(() -> RetryPolicy.exponential(0, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void workflowsHearCrmkitsCommittedEventsWithoutTheHostForwardingThem() {
        WorkflowRuntime runtime = runtime(RetryPolicy.standard());
        List<String> heard = new CopyOnWriteArrayList<>();
        runtime.register(new Greetings(runtime, account) {
            @Override
            public void onEvent(OutboxEntry entry) {
                heard.add(entry.event().eventType());
            }
        });

        Account acme = crm.parties().registerAccount(NewAccount.of("Acme", UserId.next(new IdGenerator(clock))));
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    crm.parties().registerAccount(NewAccount.of("Rolled back", acme.owner()));
                    throw new IllegalStateException("the host's transaction fails");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(heard).containsExactly("AccountRegistered");
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = RetryPolicy.exponential(10, Duration.ofMinutes(1), Duration.ofMinutes(10));

        assertThat(List.of(1, 2, 3, 4, 5, 6))
                .extracting(policy::delayAfter)
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(10));
        assertThat(policy.retryAt(10, START)).isEmpty();
    }
}
