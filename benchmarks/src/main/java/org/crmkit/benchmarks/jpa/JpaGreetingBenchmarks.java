package org.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.benchmarks.workflow.GreetingBenchmarks;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.greeting.Greetings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Greetings on the embedded PostgreSQL 17 through {@link JpaStorage} and {@link JpaWorkflowStore}, among
 * {@code contacts} contacts (1,000,000 by default; storing them takes minutes, {@code -p contacts=100000} makes a
 * short run) whose birthdays spread over the year as in {@link GreetingBenchmarks}, nine in ten with consent to
 * marketing email, in five time zones, all at 28 February 2027, noon UTC:
 * <ul>
 *   <li>{@code selectTodaysBirthdays}: every page of the day's birthday contacts (28 February with those born on
 *       29 February) through the contact port, and their consent;</li>
 *   <li>{@code planTodaysGreetings}: a first whole run of {@link Greetings#planDue}, which schedules every greeting
 *       due by noon in the workflow outbox;</li>
 *   <li>{@code dispatchTodaysGreetings}: the dispatch of those greetings to a channel that accepts at once, each
 *       logged on the contact's timeline.</li>
 * </ul>
 * After storing the contacts the setup prints the plan PostgreSQL chooses for the first page of the day's
 * selection, and before each dispatch the number of greetings it is about to send. Run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar JpaGreetingBenchmarks
 * </pre>
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class JpaGreetingBenchmarks {

    private static final TenantId TENANT = TenantId.DEFAULT;
    private static final int CHUNK = 100_000;
    /** The statement {@code findWithBirthdayOn} sends for a first page, as Hibernate writes it for the JPQL query. */
    private static final String FIRST_PAGE_OF_THE_DAY = "select * from crm_contact where tenant_id = ? and birthday = ?"
            + " order by last_name_key, first_name_key, id fetch first 1000 rows only";

    /** {@code contacts} stored contacts and a crmkit over them, at noon on 28 February 2027. */
    @State(Scope.Benchmark)
    public static class StoredContacts {
        @Param("1000000")
        int contacts;

        BenchmarkDatabase database;
        JpaStorage storage;
        Crm crm;

        @Setup(Level.Trial)
        public void fill() throws SQLException {
            Clock clock = Clock.fixed(GreetingBenchmarks.NOON, ZoneOffset.UTC);
            database = new BenchmarkDatabase();
            storage = database.storage();
            crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT).build();
            IdGenerator ids = new IdGenerator(clock);
            Random random = new Random(42);
            long started = System.nanoTime();
            for (int from = 0; from < contacts; from += CHUNK) {
                List<Contact> chunk = new ArrayList<>(CHUNK);
                for (int i = from; i < Math.min(contacts, from + CHUNK); i++) {
                    Contact contact = Contact.register(
                            TENANT,
                            ContactId.next(ids),
                            JpaContactBenchmarks.newContact(i).withDetails(GreetingBenchmarks.detailsOf(i, random)),
                            clock);
                    if (i % 10 != 0) {
                        contact.grantConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "import", clock);
                    }
                    chunk.add(contact);
                }
                JpaContactBenchmarks.saveInTransactionsOf1000(storage, chunk);
            }
            System.out.printf(
                    "%n%,d contacts stored through the adapter in %.1f s%n",
                    contacts, (System.nanoTime() - started) / 1e9);
            database.execute("analyze");
            printPlanOfTheDaysFirstPage();
        }

        private void printPlanOfTheDaysFirstPage() throws SQLException {
            try (Connection connection = database.connection();
                    PreparedStatement explain =
                            connection.prepareStatement("explain (analyze, buffers) " + FIRST_PAGE_OF_THE_DAY)) {
                explain.setString(1, TENANT.value());
                explain.setInt(2, 228);
                StringBuilder plan = new StringBuilder("plan of the first page of 28 February's birthdays:\n");
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append("  ").append(lines.getString(1)).append('\n');
                    }
                }
                System.out.print(plan);
            }
        }

        /**
         * A runtime with an empty workflow outbox, so that the next run is a first run, whose email channel accepts
         * at once.
         */
        WorkflowRuntime freshRuntime() {
            database.execute("truncate crm_workflow_action");
            return WorkflowRuntime.builder()
                    .crm(crm)
                    .store(JpaWorkflowStore.create(storage))
                    .channel(Channel.EMAIL, (key, message) -> {})
                    .build();
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            database.close();
        }
    }

    /** The greetings workflow on a runtime with an empty workflow outbox, so that every run is a first run. */
    @State(Scope.Benchmark)
    public static class FirstRun {
        Greetings greetings;

        @Setup(Level.Invocation)
        public void freshRuntime(StoredContacts stored) {
            greetings = Greetings.builder(stored.freshRuntime()).build();
        }
    }

    /** The day's greetings planned and waiting for the dispatcher. */
    @State(Scope.Benchmark)
    public static class PlannedGreetings {
        WorkflowRuntime runtime;

        @Setup(Level.Invocation)
        public void planTheDay(StoredContacts stored) {
            runtime = stored.freshRuntime();
            int planned = Greetings.builder(runtime).build().planDue(GreetingBenchmarks.NOON);
            System.out.printf("%n%,d greetings planned, to be dispatched%n", planned);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public int selectTodaysBirthdays(StoredContacts stored) {
        return GreetingBenchmarks.selectTodaysBirthdays(stored.crm);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    public int planTodaysGreetings(FirstRun run) {
        return run.greetings.planDue(GreetingBenchmarks.NOON);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    public RunReport dispatchTodaysGreetings(PlannedGreetings planned) {
        return planned.runtime.dispatchDue(GreetingBenchmarks.NOON);
    }
}
