package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * crm-workflow's runtime on two nodes that share one PostgreSQL database: each node is a {@link JpaStorage} of its
 * own over the same database with a {@link JpaWorkflowStore}, as two application instances would be.
 */
class WorkflowRunnersOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final SettableClock clock = SettableClock.at(START);
    private final JpaStorage firstNode = database.storage(clock);
    private final JpaStorage secondNode =
            JpaStorage.builder(database.entityManagerFactory()).clock(clock).build();
    private final AccountId account = AccountId.next(new IdGenerator(clock));
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    /** Plans one email per name, keyed by the name, as every workflow keys its actions by what they are about. */
    private record Greetings(WorkflowRuntime runtime, List<String> names, AccountId account) implements Workflow {

        @Override
        public String name() {
            return "greetings";
        }

        @Override
        public int planDue(Instant asOf) {
            return runtime.transactions().inTransaction(() -> (int) names.stream()
                    .filter(name -> runtime.outbox()
                            .schedule(
                                    name(),
                                    new PlannedAction(
                                            "greeting:" + name,
                                            "greeting:" + name,
                                            new Message(
                                                    Channel.EMAIL,
                                                    name + "@example.com",
                                                    name,
                                                    "Hello " + name,
                                                    "Dear " + name + ",",
                                                    Locale.ENGLISH,
                                                    RecordRef.account(account)),
                                            asOf)))
                    .count());
        }
    }

    /** Stands for the process dying in the middle of a delivery: nothing after it runs. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private WorkflowRuntime node(JpaStorage storage, MessageChannel email, List<String> names) {
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(Channel.EMAIL, email)
                .lease(LEASE)
                .build();
        runtime.register(new Greetings(runtime, names, account));
        return runtime;
    }

    @Test
    void twoRunnersAtOnceSendEachPlannedMessageOnce() throws Exception {
        List<String> customers =
                IntStream.range(0, 500).mapToObj(i -> "customer-" + i).toList();
        WorkflowRuntime first = node(firstNode, (key, message) -> sent.add(key), customers);
        WorkflowRuntime second = node(secondNode, (key, message) -> sent.add(key), customers);
        first.transactions()
                .inTransaction(() -> customers.forEach(name -> first.outbox()
                        .schedule(
                                "greetings",
                                new PlannedAction(
                                        "greeting:" + name,
                                        "greeting:" + name,
                                        new Message(
                                                Channel.EMAIL,
                                                name + "@example.com",
                                                name,
                                                "Hello",
                                                "Dear " + name,
                                                Locale.ENGLISH,
                                                RecordRef.account(account)),
                                        START))));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<RunReport>> runs = new ArrayList<>();
        for (WorkflowRuntime node : List.of(first, second)) {
            runs.add(threads.submit(() -> {
                start.await();
                return node.runDue(START);
            }));
        }
        start.countDown();
        int delivered = 0;
        for (Future<RunReport> run : runs) {
            RunReport report = run.get(2, TimeUnit.MINUTES);
            assertThat(report.planned()).isZero();
            delivered += report.delivered();
        }
        threads.shutdown();

        assertThat(delivered).isEqualTo(500);
        assertThat(sent)
                .hasSize(500)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        customers.stream().map(name -> "greeting:" + name).toList());
        assertThat(first.runDue(START.plus(LEASE).plusSeconds(1))).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(JpaWorkflowStore.create(firstNode)
                        .actions()
                        .findByStatus(first.tenant(), ActionStatus.DELIVERED, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(500);
    }

    @Test
    void claimSkipsTheActionsAnotherNodeIsClaimingInsteadOfWaitingForThem() throws Exception {
        WorkflowRuntime first = node(firstNode, (key, message) -> sent.add(key), List.of("ada", "bob", "cyd"));
        new Greetings(first, List.of("ada", "bob", "cyd"), account).planDue(START);
        JpaWorkflowStore firstStore = JpaWorkflowStore.create(firstNode);
        JpaWorkflowStore secondStore = JpaWorkflowStore.create(secondNode);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();

        Future<List<String>> holding =
                thread.submit(() -> firstNode.transactions().inTransaction(() -> {
                    List<String> keys = firstStore.actions().findClaimable(first.tenant(), START, 1).stream()
                            .map(action -> action.deduplicationKey())
                            .toList();
                    claimed.countDown();
                    await(release);
                    return keys;
                }));
        await(claimed);
        List<String> claimedMeanwhile = secondNode
                .transactions()
                .inTransaction(() -> secondStore.actions().findClaimable(first.tenant(), START, 10).stream()
                        .map(action -> action.deduplicationKey())
                        .toList());
        release.countDown();
        List<String> held = holding.get(1, TimeUnit.MINUTES);
        thread.shutdown();

        assertThat(held).hasSize(1);
        assertThat(claimedMeanwhile).hasSize(2).doesNotContainAnyElementsOf(held);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nodeThatDiesBetweenClaimAndDeliveryLeavesTheMessageToAnotherNodeOnceItsLeaseEnds() {
        MessageChannel crashing = (key, message) -> {
            throw new SimulatedCrash();
        };
        WorkflowRuntime dying = node(firstNode, crashing, List.of("ada"));
        WorkflowRuntime survivor = node(secondNode, (key, message) -> sent.add(key), List.of("ada"));

        assertThatThrownBy(() -> dying.runDue(START)).isInstanceOf(SimulatedCrash.class);
        assertThat(survivor.actionByKey("greeting:ada"))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.PENDING))
                .satisfies(a -> assertThat(a.claimedUntil()).isEqualTo(START.plus(LEASE)));

        assertThat(survivor.runDue(START.plus(LEASE).minusSeconds(1))).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(survivor.runDue(START.plus(LEASE))).isEqualTo(new RunReport(0, 1, 0, 0));
        assertThat(survivor.runDue(START.plus(LEASE).plusSeconds(60))).isEqualTo(new RunReport(0, 0, 0, 0));
        assertThat(sent).containsExactly("greeting:ada");
        assertThat(survivor.actionByKey("greeting:ada").orElseThrow().status()).isEqualTo(ActionStatus.DELIVERED);
    }
}
