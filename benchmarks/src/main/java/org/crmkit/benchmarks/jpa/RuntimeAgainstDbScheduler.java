package org.crmkit.benchmarks.jpa;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.crmkit.core.Crm;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionPayload;
import org.crmkit.workflow.action.PlannedAction;

/**
 * The workflow runtime's dispatcher against db-scheduler 15.6's lock-and-fetch polling, one instance each, on the
 * same embedded PostgreSQL 17, alternately in one sitting: each round stores {@code --actions} no-op actions
 * (crmkit: planned through the action outbox; db-scheduler: one-time task instances inserted with one JDBC batch),
 * analyses the table, then measures until every action is done (crmkit with {@code --dispatchers} dispatch loops
 * of one runtime, {@link WorkflowRuntime.Builder#dispatchers}; db-scheduler with {@code --threads} executor threads) (crmkit: {@link WorkflowRuntime#dispatchDue} returns;
 * db-scheduler: its table is empty, each execution having deleted its row). Measured per round: wall time, the JVM's
 * CPU time (every thread, the collector and the compiler among them) and PostgreSQL's (every backend); per side the
 * median of the rounds, and the ratios crmkit / db-scheduler of actions per second (wall) and per CPU-second (JVM
 * and PostgreSQL together). A warm-up round of each, a tenth of the size, is not counted.
 *
 * <p>Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.RuntimeAgainstDbScheduler \
 *     [--actions 100000] [--rounds 5] [--threads 10] [--dispatchers 2]
 * </pre>
 */
public final class RuntimeAgainstDbScheduler {

    private static final String SCHEDULED_TASKS = "create table scheduled_tasks ("
            + " task_name text not null, task_instance text not null, task_data bytea,"
            + " execution_time timestamp with time zone not null, picked boolean not null, picked_by text,"
            + " last_success timestamp with time zone, last_failure timestamp with time zone,"
            + " consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,"
            + " priority smallint, primary key (task_name, task_instance))";

    /** The benchmark's payload: its handler does nothing. */
    public record NoOp(int number) implements ActionPayload {

        @Override
        public String describe() {
            return "no-op " + number;
        }

        @Override
        public boolean holdsPersonalData() {
            return false;
        }
    }

    /** One measured round of one side. */
    record Round(
            String side,
            int actions,
            double wallSeconds,
            double jvmCpuSeconds,
            double postgresCpuSeconds,
            String load) {

        double perSecond() {
            return actions / wallSeconds;
        }

        double perCpuSecond() {
            return actions / (jvmCpuSeconds + postgresCpuSeconds);
        }

        double coresBusy() {
            return (jvmCpuSeconds + postgresCpuSeconds) / wallSeconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-13s %,8d actions  wall %7.2f s  %,8.0f /s  JVM CPU %6.2f s  PostgreSQL CPU %6.2f s"
                            + "  %,7.0f per CPU-second  %.2f cores  load %s",
                    side,
                    actions,
                    wallSeconds,
                    perSecond(),
                    jvmCpuSeconds,
                    postgresCpuSeconds,
                    perCpuSecond(),
                    coresBusy(),
                    load);
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private RuntimeAgainstDbScheduler() {}

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int actions = option(options, "--actions", 100_000);
        int rounds = option(options, "--rounds", 5);
        int threads = option(options, "--threads", 10);
        int dispatchers = option(options, "--dispatchers", 2);
        System.out.printf(
                "%,d actions, %d rounds; crmkit: %d dispatchers; db-scheduler: %d threads%n",
                actions, rounds, dispatchers, threads);
        try (BenchmarkDatabase database =
                new BenchmarkDatabase(Map.of(), Math.max(threads, 2 * dispatchers) + 4, false)) {
            database.execute(SCHEDULED_TASKS);
            database.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
            database.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            database.execute(
                    "create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
            JpaStorage storage = database.storage(Clock.systemUTC());
            Crm crm = Crm.builder().storage(storage).clock(Clock.systemUTC()).build();
            WorkflowRuntime runtime = WorkflowRuntime.builder()
                    .crm(crm)
                    .store(JpaWorkflowStore.create(storage))
                    .dispatchers(dispatchers)
                    .build();
            runtime.handle(NoOp.class, (action, payload) -> {});

            System.out.printf("warm-up: %s%n", crmkit(database, runtime, actions / 10));
            System.out.printf("warm-up: %s%n", dbScheduler(database, actions / 10, threads));
            List<Round> ours = new ArrayList<>();
            List<Round> theirs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // alternate which goes first, so that neither always follows the other's vacuum
                boolean crmkitFirst = round % 2 == 1;
                for (int side = 0; side < 2; side++) {
                    Round measured = (side == 0) == crmkitFirst
                            ? crmkit(database, runtime, actions)
                            : dbScheduler(database, actions, threads);
                    (measured.side().equals("crmkit") ? ours : theirs).add(measured);
                    System.out.printf("round %d: %s%n", round, measured);
                }
            }
            report(ours, theirs);
        }
    }

    private static Round crmkit(BenchmarkDatabase database, WorkflowRuntime runtime, int actions) {
        Instant due = Instant.now();
        for (int from = 0; from < actions; from += 1_000) {
            int first = from;
            List<PlannedAction> planned = new ArrayList<>();
            for (int i = first; i < Math.min(actions, first + 1_000); i++) {
                planned.add(new PlannedAction("noop:" + due + ":" + i, "noop:" + i, new NoOp(i), due));
            }
            runtime.transactions().inTransaction(() -> runtime.outbox().scheduleAll("noop", planned));
        }
        database.execute("vacuum analyze crm_workflow_action");
        Measurement measurement = Measurement.start(database);
        RunReport report = runtime.dispatchDue(Instant.now());
        Round round = measurement.end("crmkit", report.delivered());
        if (report.delivered() != actions) {
            throw new IllegalStateException("crmkit delivered " + report + " of " + actions);
        }
        database.execute("truncate crm_workflow_action");
        return round;
    }

    private static Round dbScheduler(BenchmarkDatabase database, int actions, int threads) throws Exception {
        CountDownLatch executed = new CountDownLatch(actions);
        OneTimeTask<Void> task = Tasks.oneTime("noop").execute((instance, context) -> executed.countDown());
        Timestamp due = Timestamp.from(Instant.now().minusSeconds(1));
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into scheduled_tasks"
                                + " (task_name, task_instance, execution_time, picked, version) values ('noop', ?, ?, false, 1)")) {
            for (int i = 0; i < actions; i++) {
                insert.setString(1, "instance-" + i);
                insert.setTimestamp(2, due);
                insert.addBatch();
                if (i % 1_000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        database.execute("vacuum analyze scheduled_tasks");
        Scheduler scheduler = Scheduler.create(database.dataSource(), task)
                .threads(threads)
                .pollUsingLockAndFetch(0.5, 3.0)
                .build();
        Measurement measurement = Measurement.start(database);
        scheduler.start();
        if (!executed.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("db-scheduler did not execute " + actions + " in 30 minutes");
        }
        while (remaining(database) > 0) {
            Thread.sleep(5);
        }
        Round round = measurement.end("db-scheduler", actions);
        scheduler.stop();
        return round;
    }

    private static long remaining(BenchmarkDatabase database) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from scheduled_tasks")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Wall and CPU time from its start. */
    private record Measurement(
            BenchmarkDatabase database, long startNanos, long jvmCpuNanos, Duration postgresCpu, String load) {

        static Measurement start(BenchmarkDatabase database) {
            return new Measurement(
                    database, System.nanoTime(), OS.getProcessCpuTime(), database.serverCpuTime(), loadAverage());
        }

        Round end(String side, int actions) {
            double wall = (System.nanoTime() - startNanos) / 1e9;
            double jvm = (OS.getProcessCpuTime() - jvmCpuNanos) / 1e9;
            double postgres = database.serverCpuTime().minus(postgresCpu).toNanos() / 1e9;
            return new Round(side, actions, wall, jvm, postgres, load + " to " + loadAverage());
        }
    }

    private static void report(List<Round> ours, List<Round> theirs) {
        System.out.println();
        System.out.println("medians          crmkit   db-scheduler   ratio crmkit / db-scheduler");
        line("actions per second (wall)", ours, theirs, Round::perSecond);
        line("actions per CPU-second", ours, theirs, Round::perCpuSecond);
        line("JVM CPU per action (µs)", ours, theirs, round -> round.jvmCpuSeconds() * 1e6 / round.actions());
        line(
                "PostgreSQL CPU per action (µs)",
                ours,
                theirs,
                round -> round.postgresCpuSeconds() * 1e6 / round.actions());
        line("cores busy", ours, theirs, Round::coresBusy);
    }

    private static void line(String what, List<Round> ours, List<Round> theirs, ToDoubleFunction<Round> figure) {
        double crmkit = median(ours, figure);
        double dbScheduler = median(theirs, figure);
        System.out.printf("%-32s %,10.2f %,12.2f %8.2fx%n", what, crmkit, dbScheduler, crmkit / dbScheduler);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static int option(List<String> options, String name, int fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : fallback;
    }
}
