package org.crmkit.benchmarks.jpa;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.benchmarks.workflow.DunningScenarios;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.Dunning;
import org.crmkit.workflow.WorkflowRuntime;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The dunning scenario of {@link DunningScenarios} (the same accounts, invoices, policy and measured run) on the
 * embedded PostgreSQL 17 through {@link JpaStorage} and {@link JpaWorkflowStore}: the accounts and invoices are
 * stored through the bulk import path ({@code saveAll}, 1,000 accounts and their invoices per transaction), the
 * tables analysed, then one morning's run plans a first reminder per overdue account and dispatches them to a
 * channel that only counts them; a second run the same morning must do nothing. Each step reports wall time, the
 * CPU time of the calling thread, PostgreSQL's CPU time and the number of JDBC statements.
 *
 * <p>Build and run from the repository root (the default size is 100,000 accounts with 10 invoices each):
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaDunningScenarios \
 *     [--accounts 100000] [--invoices-per-account 10]
 * </pre>
 */
public final class JpaDunningScenarios {

    private JpaDunningScenarios() {
    }

    public static void main(String[] args) throws Exception {
        DunningScenarios.Size size = DunningScenarios.Size.of(args);
        try (BenchmarkDatabase database = new BenchmarkDatabase(Map.of(
                "hibernate.generate_statistics", "true", "hibernate.session.events.log", "false"))) {
            Statistics statistics = database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
            Clock clock = DunningScenarios.morning();
            JpaStorage storage = database.storage(clock);
            AtomicLong sent = new AtomicLong();
            WorkflowRuntime runtime = DunningScenarios.runtime(storage, JpaWorkflowStore.create(storage), clock, sent);
            Dunning dunning = DunningScenarios.dunning(runtime);

            long loadStart = System.nanoTime();
            DunningScenarios.load(storage, clock, size);
            database.execute("analyze");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("loaded %,d accounts and %,d open invoices (%,d overdue) through saveAll in %.1f s "
                            + "(%,.0f invoices/s), then analyzed%n", size.accounts(), size.invoices(), size.accounts(),
                    loadSeconds, size.invoices() / loadSeconds);

            AtomicReference<Duration> serverCpu = new AtomicReference<>(database.serverCpuTime());
            AtomicLong statements = new AtomicLong(statistics.getPrepareStatementCount());
            DunningScenarios.run(runtime, dunning, sent, () -> {
                Duration now = database.serverCpuTime();
                long count = statistics.getPrepareStatementCount();
                String step = String.format("; PostgreSQL %.2f s CPU; %,d statements",
                        (now.toMillis() - serverCpu.get().toMillis()) / 1e3, count - statements.get());
                serverCpu.set(now);
                statements.set(count);
                return step;
            });
        }
    }
}
