package org.crmkit.persistence.jpa;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.crmkit.core.Crm;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.MessageChannel;

/**
 * Application instances that share one database, for the tests of a workflow on several nodes: each node has a
 * {@link JpaStorage} of its own over the same entity manager factory (the first one empties the database), its own
 * crmkit and {@link WorkflowRuntime} over a {@link JpaWorkflowStore}, as separate processes would, and the workflow
 * the test sets up on it. The nodes share one clock, and their email channels one list of the deduplication keys
 * that went out, so that a test can see whether anything went out twice. The static helpers serve fixtures that
 * build their nodes differently ({@link DunningNodes}).
 */
final class WorkflowNodes<W> implements AutoCloseable {

    /** One application instance, with the workflow the test set up on it. */
    record Node<W>(JpaStorage storage, Crm crm, WorkflowRuntime runtime, W workflow) {}

    /** Sets the workflow under test up on a node's runtime (which registers it) and returns it. */
    @FunctionalInterface
    interface Setup<W> {
        W on(WorkflowRuntime runtime, JpaStorage storage);
    }

    final SettableClock clock;
    /** The deduplication keys of the emails every node sent, in the order they went out. */
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    /** What the nodes' email channels do before an email goes out: a test may make them fail (by throwing). */
    volatile MessageChannel beforeSending = (key, message) -> {};

    private final List<Node<W>> nodes = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Two nodes on the database, which is emptied first. */
    WorkflowNodes(TestDatabase database, SettableClock clock, Setup<W> setup) {
        this(database, clock, crm -> crm, setup);
    }

    /** Two nodes on the database, which is emptied first, their crmkit configured by {@code crmOptions} too. */
    WorkflowNodes(TestDatabase database, SettableClock clock, UnaryOperator<Crm.Builder> crmOptions, Setup<W> setup) {
        this.clock = clock;
        nodes.add(node(database.storage(clock), crmOptions, setup));
        nodes.add(node(
                JpaStorage.builder(database.entityManagerFactory()).clock(clock).build(), crmOptions, setup));
    }

    private Node<W> node(JpaStorage storage, UnaryOperator<Crm.Builder> crmOptions, Setup<W> setup) {
        Crm crm = crmOptions.apply(Crm.builder().storage(storage).clock(clock)).build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(Channel.EMAIL, (key, message) -> {
                    beforeSending.send(key, message);
                    sent.add(key);
                })
                .build();
        return new Node<>(storage, crm, runtime, setup.on(runtime, storage));
    }

    Node<W> first() {
        return nodes.get(0);
    }

    /** The node with the index, from 0. */
    Node<W> node(int index) {
        return nodes.get(index);
    }

    /**
     * Moves the clock to {@code asOf}, and every node calls {@code runDue} for it at the same moment; returns the sum
     * of their reports. A run that throws fails the call.
     */
    RunReport runTogether(Instant asOf) throws Exception {
        clock.set(asOf);
        return sum(runTogether(threads, nodes.stream().map(Node::runtime).toList(), asOf));
    }

    /** Every runtime calls {@code runDue} for the instant on a thread of its own, released together by a barrier. */
    static List<RunReport> runTogether(ExecutorService threads, List<WorkflowRuntime> runtimes, Instant asOf)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(runtimes.size());
        List<Future<RunReport>> runs = new ArrayList<>();
        for (WorkflowRuntime runtime : runtimes) {
            runs.add(threads.submit(() -> {
                together.await(1, TimeUnit.MINUTES);
                return runtime.runDue(asOf);
            }));
        }
        List<RunReport> reports = new ArrayList<>();
        for (Future<RunReport> run : runs) {
            reports.add(run.get(5, TimeUnit.MINUTES));
        }
        return reports;
    }

    static RunReport sum(List<RunReport> reports) {
        return reports.stream()
                .reduce(
                        new RunReport(0, 0, 0, 0),
                        (a, b) -> new RunReport(
                                a.planned() + b.planned(),
                                a.delivered() + b.delivered(),
                                a.retrying() + b.retrying(),
                                a.failed() + b.failed()));
    }

    /**
     * What the code under {@code work} wrote to standard error, where the tests' logger (slf4j-simple, warnings and
     * errors) writes: a failed run logs there.
     */
    static String standardErrorOf(ThrowingRunnable work) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
