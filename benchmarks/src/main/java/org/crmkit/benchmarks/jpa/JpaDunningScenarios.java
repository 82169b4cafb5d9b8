package org.crmkit.benchmarks.jpa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.crmkit.benchmarks.workflow.DunningScenarios;
import org.crmkit.core.common.TenantId;
import org.crmkit.persistence.jpa.JpaDunningCaseStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.dunning.Dunning;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The dunning scenario of {@link DunningScenarios} (the same accounts, invoices, policy and measured run) on the
 * embedded PostgreSQL 17 through {@link JpaStorage}, {@link JpaWorkflowStore} and {@link JpaDunningCaseStore}: the
 * accounts and invoices are stored through the bulk import path ({@code saveAll}, 1,000 accounts and their invoices
 * per transaction), the tables analysed, then one morning's run plans a first reminder per overdue account and
 * dispatches them to a channel that only counts them; a second run the same morning must do nothing. Each step reports wall time, the
 * CPU time of the calling thread, PostgreSQL's CPU time and the number of JDBC statements.
 *
 * <p>With {@code --nodes N} (N > 1) the morning runs on N nodes at once, as N application instances over one
 * database would: each node is a {@link JpaStorage}, {@link WorkflowRuntime} and {@link Dunning} of its own on its
 * own thread, all released together, first to plan ({@link Dunning#planDue}), then to dispatch
 * ({@link WorkflowRuntime#dispatchDue}); the CPU time reported is that of the nodes' threads together, and the
 * channel must have received each notice exactly once.
 *
 * <p>With {@code --warmup-accounts N} (one node), a morning of N accounts of a tenant of its own runs first, with
 * as many bare actions, unmeasured, so that the measured morning and the bare actions after it both run compiled
 * code (without it the morning runs cold and the bare actions warm).
 *
 * <p>PostgreSQL's autovacuum is off: the database is vacuumed and analyzed after each load, unmeasured, and after the
 * morning and after the bare actions it is vacuumed with PostgreSQL's CPU for it reported (each step's dead rows),
 * and analyzed before the bare actions, so that both run on fresh statistics and neither is charged with the
 * other's upkeep.
 *
 * <p>Build and run from the repository root (the default size is 100,000 accounts with 10 invoices each):
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaDunningScenarios \
 *     [--accounts 100000] [--invoices-per-account 10] [--nodes 1] [--warmup-accounts 0]
 * </pre>
 */
public final class JpaDunningScenarios {

    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");

    private JpaDunningScenarios() {}

    /** One application instance: its own storage, runtime and dunning over the shared database. */
    private record Node(WorkflowRuntime runtime, Dunning dunning) {}

    public static void main(String[] args) throws Exception {
        List<String> sizeArgs = new ArrayList<>(Arrays.asList(args));
        int nodes = option(sizeArgs, "--nodes", 1);
        int warmupAccounts = option(sizeArgs, "--warmup-accounts", 0);
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, was " + nodes);
        }
        DunningScenarios.Size size = DunningScenarios.Size.of(sizeArgs.toArray(String[]::new));
        try (BenchmarkDatabase database = new BenchmarkDatabase(
                Map.of("hibernate.generate_statistics", "true", "hibernate.session.events.log", "false"), nodes + 3)) {
            // PostgreSQL's autovacuum would charge its work to whichever step it met, and its analyze decided which
            // plans the bare actions got (they measured 150 or 440 us by whether it had run); the database is
            // vacuumed and analyzed between the steps instead
            database.execute("alter system set autovacuum = off");
            database.execute("select pg_reload_conf()");
            Statistics statistics =
                    database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
            Clock clock = DunningScenarios.morning();
            AtomicLong sent = new AtomicLong();
            List<Node> cluster = new ArrayList<>();
            JpaStorage first = null;
            for (int i = 0; i < nodes; i++) {
                JpaStorage storage = database.storage(clock);
                first = first == null ? storage : first;
                WorkflowRuntime runtime =
                        DunningScenarios.runtime(storage, JpaWorkflowStore.create(storage), clock, sent);
                cluster.add(new Node(runtime, DunningScenarios.dunning(runtime, JpaDunningCaseStore.create(storage))));
            }

            if (warmupAccounts > 0 && nodes == 1) {
                warmUp(database, clock, warmupAccounts, size.invoicesPerAccount());
            }
            long loadStart = System.nanoTime();
            DunningScenarios.load(first, clock, size);
            database.execute("vacuum analyze");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf(
                    "loaded %,d accounts and %,d open invoices (%,d overdue) through saveAll in %.1f s "
                            + "(%,.0f invoices/s), then vacuumed and analyzed%n",
                    size.accounts(), size.invoices(), size.accounts(), loadSeconds, size.invoices() / loadSeconds);

            AtomicReference<Duration> serverCpu = new AtomicReference<>(database.serverCpuTime());
            AtomicLong statements = new AtomicLong(statistics.getPrepareStatementCount());
            List<Double> serverSeconds = new ArrayList<>();
            Supplier<String> databaseWork = () -> {
                Duration now = database.serverCpuTime();
                long count = statistics.getPrepareStatementCount();
                double seconds = (now.toMillis() - serverCpu.get().toMillis()) / 1e3;
                serverSeconds.add(seconds);
                String step = String.format(
                        "; PostgreSQL %.2f s CPU; %,d statements through Hibernate", seconds, count - statements.get());
                serverCpu.set(now);
                statements.set(count);
                return step;
            };
            if (nodes == 1) {
                DunningScenarios.Morning morning = DunningScenarios.run(
                        cluster.get(0).runtime(), cluster.get(0).dunning(), sent, databaseWork);
                // asked before planning, after planning, after dispatch and after the second run
                double noticeCpu = (morning.planCpuSeconds()
                                + morning.dispatchCpuSeconds()
                                + serverSeconds.get(1)
                                + serverSeconds.get(2))
                        / morning.notices();
                double morningVacuum = vacuumSeconds(database);
                // fresh statistics for the bare actions, as the morning had them after the load: with the morning's
                // actions and cases in the tables and the statistics of before, PostgreSQL chose plans that cost a
                // bare action some 250 us more
                database.execute("analyze");
                double actionCpu = bareActionCpuSeconds(database, cluster.get(0).runtime(), morning.notices());
                double actionsVacuum = vacuumSeconds(database);
                System.out.printf(
                        "a notice from planning to delivery: %.0f us of CPU (JVM and PostgreSQL); a bare no-op action of"
                                + " the same runtime, scheduled and delivered: %.0f us; ratio %.1f%n",
                        noticeCpu * 1e6, actionCpu * 1e6, noticeCpu / actionCpu);
                double noticeWithVacuum = noticeCpu + morningVacuum / morning.notices();
                double actionWithVacuum = actionCpu + actionsVacuum / morning.notices();
                System.out.printf(
                        "with the vacuum of the rows each left behind (the morning's %.2f s, the bare actions' %.2f s"
                                + " of PostgreSQL's CPU): a notice %.0f us, a bare action %.0f us; ratio %.1f%n",
                        morningVacuum,
                        actionsVacuum,
                        noticeWithVacuum * 1e6,
                        actionWithVacuum * 1e6,
                        noticeWithVacuum / actionWithVacuum);
                System.out.printf(
                        "the idle second run: %.2f s CPU (JVM %.2f s, PostgreSQL %.2f s), %.0f us per open case%n",
                        morning.secondRunCpuSeconds() + serverSeconds.get(3),
                        morning.secondRunCpuSeconds(),
                        serverSeconds.get(3),
                        (morning.secondRunCpuSeconds() + serverSeconds.get(3)) * 1e6 / morning.notices());
            } else {
                runOnNodes(cluster, sent, databaseWork);
            }
        }
    }

    /**
     * PostgreSQL's CPU seconds to vacuum the database, which autovacuum does not do here (not analyze: its sampling
     * of every table costs about the same whatever ran before).
     */
    private static double vacuumSeconds(BenchmarkDatabase database) {
        Duration before = database.serverCpuTime();
        database.execute("vacuum");
        return database.serverCpuTime().minus(before).toNanos() / 1e9;
    }

    /** Removes {@code --name N} from the arguments and returns N, or {@code otherwise} when it is not given. */
    private static int option(List<String> args, String name, int otherwise) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return otherwise;
        }
        int value = Integer.parseInt(args.get(at + 1));
        args.subList(at, at + 2).clear();
        return value;
    }

    /**
     * The unmeasured warm-up: a morning of {@code accounts} accounts of the tenant {@code warmup} (planning, dispatch,
     * the idle second run) and as many bare actions, on a storage, runtime and dunning of their own.
     */
    private static void warmUp(BenchmarkDatabase database, Clock clock, int accounts, int invoicesPerAccount) {
        TenantId tenant = TenantId.of("warmup");
        JpaStorage storage = database.storage(clock);
        AtomicLong sent = new AtomicLong();
        WorkflowRuntime runtime =
                DunningScenarios.runtime(storage, JpaWorkflowStore.create(storage), clock, sent, tenant);
        Dunning dunning = DunningScenarios.dunning(runtime, JpaDunningCaseStore.create(storage));
        long start = System.nanoTime();
        DunningScenarios.load(storage, clock, new DunningScenarios.Size(accounts, invoicesPerAccount), tenant);
        database.execute("vacuum analyze");
        int planned = dunning.planDue(MORNING);
        int delivered = runtime.dispatchDue(MORNING).delivered();
        runtime.runDue(MORNING.plus(Duration.ofMinutes(5)));
        bareActionCpuSeconds(database, runtime, planned);
        System.out.printf(
                "warm-up (tenant warmup, not measured): %,d accounts, %,d notices planned, %,d delivered, %,d bare"
                        + " actions, in %.1f s%n",
                accounts, planned, delivered, planned, (System.nanoTime() - start) / 1e9);
    }

    /**
     * CPU time (JVM and PostgreSQL) per action of {@code count} no-op actions on the same runtime: scheduled through
     * the action outbox in transactions of 200 (as dunning writes a chunk's notices), then dispatched.
     */
    private static double bareActionCpuSeconds(BenchmarkDatabase database, WorkflowRuntime runtime, int count) {
        runtime.handle(RuntimeAgainstDbScheduler.NoOp.class, (action, payload) -> {});
        Instant due = MORNING.plus(Duration.ofMinutes(6));
        long jvm = DunningScenarios.cpuNanos();
        Duration postgres = database.serverCpuTime();
        for (int from = 0; from < count; from += 200) {
            List<PlannedAction> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 200); i++) {
                chunk.add(new PlannedAction("noop:" + i, "noop:" + i, new RuntimeAgainstDbScheduler.NoOp(i), due));
            }
            runtime.transactions().inTransaction(() -> runtime.outbox().scheduleAll("noop", chunk));
        }
        RunReport delivered = runtime.dispatchDue(due);
        if (delivered.delivered() != count) {
            throw new IllegalStateException("delivered " + delivered + " of " + count + " no-op actions");
        }
        double jvmSeconds = (DunningScenarios.cpuNanos() - jvm) / 1e9;
        double postgresSeconds = database.serverCpuTime().minus(postgres).toNanos() / 1e9;
        // the two parts apart: either may carry background work (the JIT compiler, PostgreSQL's autovacuum after
        // the morning's writes) that the run happened to meet
        System.out.printf(
                "%,d bare actions: JVM %.2f s CPU, PostgreSQL %.2f s CPU%n", count, jvmSeconds, postgresSeconds);
        return (jvmSeconds + postgresSeconds) / count;
    }

    /** The measured morning on every node at once: planning, then dispatch, then an idle second run. */
    private static void runOnNodes(List<Node> cluster, AtomicLong sent, Supplier<String> databaseWork)
            throws Exception {
        databaseWork.get();
        Step planning = Step.onEvery(cluster, node -> node.dunning().planDue(MORNING));
        String planExtra = databaseWork.get();
        Step dispatch = Step.onEvery(
                cluster, node -> node.runtime().dispatchDue(MORNING).delivered());
        String dispatchExtra = databaseWork.get();
        int n = cluster.size();
        System.out.printf(
                "%d nodes, planning: %,d notices in %.2f s wall (%,.0f actions/s), %.2f s CPU of the nodes "
                        + "(%,.0f actions/s), per node %s%s%n",
                n,
                planning.total(),
                planning.wallSeconds(),
                planning.total() / planning.wallSeconds(),
                planning.cpuSeconds(),
                planning.total() / planning.cpuSeconds(),
                planning.perNode(),
                planExtra);
        System.out.printf(
                "%d nodes, dispatch: %,d delivered in %.2f s wall (%,.0f actions/s), %.2f s CPU of the nodes "
                        + "(%,.0f actions/s), per node %s%s%n",
                n,
                dispatch.total(),
                dispatch.wallSeconds(),
                dispatch.total() / dispatch.wallSeconds(),
                dispatch.cpuSeconds(),
                dispatch.total() / dispatch.cpuSeconds(),
                dispatch.perNode(),
                dispatchExtra);
        System.out.printf(
                "%d nodes, end to end: %,.0f actions/s wall, %,.0f actions/s CPU%n",
                n,
                dispatch.total() / (planning.wallSeconds() + dispatch.wallSeconds()),
                dispatch.total() / (planning.cpuSeconds() + dispatch.cpuSeconds()));
        Instant later = MORNING.plus(Duration.ofMinutes(5));
        Step again = Step.onEvery(cluster, node -> {
            RunReport report = node.runtime().runDue(later);
            return report.planned() + report.delivered() + report.retrying() + report.failed();
        });
        System.out.printf(
                "%d nodes, second run the same morning: %,d actions in %.2f s wall, %.2f s CPU%s; channel "
                        + "received %,d messages in all%n",
                n, again.total(), again.wallSeconds(), again.cpuSeconds(), databaseWork.get(), sent.get());
    }

    /** What every node did in one step, how long it took and the JVM's CPU time (every node's threads). */
    private record Step(List<Integer> perNode, double wallSeconds, double cpuSeconds) {

        static Step onEvery(List<Node> cluster, ToIntFunction<Node> work) throws Exception {
            CyclicBarrier start = new CyclicBarrier(cluster.size() + 1);
            ExecutorService pool = Executors.newFixedThreadPool(cluster.size());
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (Node node : cluster) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return work.applyAsInt(node);
                    }));
                }
                start.await();
                long wall = System.nanoTime();
                long jvm = DunningScenarios.cpuNanos();
                List<Integer> done = new ArrayList<>();
                for (Future<Integer> run : runs) {
                    done.add(run.get());
                }
                long cpu = DunningScenarios.cpuNanos() - jvm;
                return new Step(done, (System.nanoTime() - wall) / 1e9, cpu / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }

        int total() {
            return perNode.stream().mapToInt(Integer::intValue).sum();
        }
    }
}
