package org.crmkit.benchmarks.workflow;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.InMemoryDunningCaseStore;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;

/**
 * Scenario benchmark of a dunning run in memory, timed end to end with wall-clock time: 100,000 accounts with 10
 * open invoices each (1,000,000 open invoices), one of each account's invoices 30 days overdue (100,000 overdue).
 * One morning's run plans a first reminder for every overdue account (one case, one notice each) and dispatches the
 * notices to a channel that only counts them; a second run the same morning must plan and send nothing. Wall time
 * and the calling thread's CPU time are both reported (planning and dispatch run on the calling thread).
 *
 * <p>Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.workflow.DunningScenarios \
 *     [--accounts 100000] [--invoices-per-account 10]
 * </pre>
 */
public final class DunningScenarios {

    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");

    private DunningScenarios() {}

    /** A clock the scenario moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Runs the scenario; see the class comment for the arguments. */
    public static void main(String[] args) {
        Size size = Size.of(args);
        MovableClock clock = new MovableClock(MORNING);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        AtomicLong sent = new AtomicLong();
        WorkflowRuntime runtime = runtime(storage, InMemoryWorkflowStore.create(storage), clock, sent);
        Dunning dunning = dunning(runtime, InMemoryDunningCaseStore.create(storage));

        long loadStart = System.nanoTime();
        load(storage, clock, size);
        System.out.printf(
                "loaded %,d accounts and %,d open invoices (%,d overdue) in %.1f s%n",
                size.accounts(), size.invoices(), size.accounts(), seconds(loadStart));
        run(runtime, dunning, sent, () -> "");
    }

    /** How many accounts, and how many open invoices each (one of them overdue). */
    public record Size(int accounts, int invoicesPerAccount) {

        /** The size the arguments {@code --accounts N --invoices-per-account M} give; 100,000 and 10 by default. */
        public static Size of(String... args) {
            int accounts = 100_000;
            int perAccount = 10;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--accounts" -> accounts = Integer.parseInt(args[i + 1]);
                    case "--invoices-per-account" -> perAccount = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Size(accounts, perAccount);
        }

        public long invoices() {
            return (long) accounts * invoicesPerAccount;
        }
    }

    /** The scenario's time: every run happens on this morning. */
    public static Clock morning() {
        return new MovableClock(MORNING);
    }

    /** crmkit and the workflow runtime on the storage, with an email channel that only counts what it receives. */
    public static WorkflowRuntime runtime(Storage storage, WorkflowStore store, Clock clock, AtomicLong sent) {
        return runtime(storage, store, clock, sent, TenantId.DEFAULT);
    }

    /** The same for the tenant: crmkit and the runtime serve that tenant alone. */
    public static WorkflowRuntime runtime(
            Storage storage, WorkflowStore store, Clock clock, AtomicLong sent, TenantId tenant) {
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenantResolver(TenantResolver.fixed(tenant))
                .build();
        return WorkflowRuntime.builder()
                .crm(crm)
                .store(store)
                .tenantResolver(TenantResolver.fixed(tenant))
                .channel(Channel.EMAIL, (key, message) -> sent.incrementAndGet())
                .build();
    }

    /**
     * Dunning on the runtime, its cases in {@code cases}, with the scenario's policy: email reminders 7 and 21 days
     * after the due date.
     */
    public static Dunning dunning(WorkflowRuntime runtime, DunningCaseStore cases) {
        return Dunning.builder(runtime)
                .cases(cases)
                .policy(DunningPolicy.builder("standard")
                        .currency("EUR")
                        .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
                        .level(DunningLevel.daysAfterDue(21)
                                .notice(Channel.EMAIL)
                                .fee("5.00"))
                        .build())
                .build();
    }

    /** What a measured morning did and the JVM's CPU time of each step, in seconds. */
    public record Morning(int notices, double planCpuSeconds, double dispatchCpuSeconds, double secondRunCpuSeconds) {}

    /**
     * One morning's run, measured: planning ({@link Dunning#planDue}), then dispatch, each in wall time and CPU
     * time of the JVM (every thread: the dispatcher claims on a thread of its own), then a second run the same
     * morning that must do nothing. {@code sent} counts what the channel received; {@code extra} is asked before the
     * first step and after each step, and returns text to add to the line of the step since it was last asked (e.g.
     * the database's CPU time).
     */
    public static Morning run(WorkflowRuntime runtime, Dunning dunning, AtomicLong sent, Supplier<String> extra) {
        extra.get();
        long planStart = System.nanoTime();
        long planCpu = cpuNanos();
        int planned = dunning.planDue(MORNING);
        double planSeconds = seconds(planStart);
        double planCpuSeconds = (cpuNanos() - planCpu) / 1e9;
        String planExtra = extra.get();
        long dispatchStart = System.nanoTime();
        long dispatchCpu = cpuNanos();
        RunReport dispatched = runtime.dispatchDue(MORNING);
        double dispatchSeconds = seconds(dispatchStart);
        double dispatchCpuSeconds = (cpuNanos() - dispatchCpu) / 1e9;
        String dispatchExtra = extra.get();
        System.out.printf(
                "first run, planning: %,d notices in %.2f s wall (%,.0f actions/s), %.2f s CPU (%,.0f actions/s)%s%n",
                planned, planSeconds, planned / planSeconds, planCpuSeconds, planned / planCpuSeconds, planExtra);
        System.out.printf(
                "first run, dispatch: %,d delivered in %.2f s wall (%,.0f actions/s), %.2f s CPU (%,.0f actions/s)%s%n",
                dispatched.delivered(),
                dispatchSeconds,
                dispatched.delivered() / dispatchSeconds,
                dispatchCpuSeconds,
                dispatched.delivered() / dispatchCpuSeconds,
                dispatchExtra);
        System.out.printf(
                "first run, end to end: %,.0f actions/s wall, %,.0f actions/s CPU%n",
                dispatched.delivered() / (planSeconds + dispatchSeconds),
                dispatched.delivered() / (planCpuSeconds + dispatchCpuSeconds));

        long againStart = System.nanoTime();
        long againCpu = cpuNanos();
        RunReport again = runtime.runDue(MORNING.plus(Duration.ofMinutes(5)));
        double againSeconds = seconds(againStart);
        double againCpuSeconds = (cpuNanos() - againCpu) / 1e9;
        System.out.printf(
                "second run the same morning: %s in %.2f s wall, %.2f s CPU%s; channel received %,d messages "
                        + "in all%n",
                again, againSeconds, againCpuSeconds, extra.get(), sent.get());
        return new Morning(dispatched.delivered(), planCpuSeconds, dispatchCpuSeconds, againCpuSeconds);
    }

    /**
     * Stores the scenario's accounts and invoices through the bulk import path ({@code saveAll}), 1,000 accounts
     * and their invoices per transaction: each account has a billing email and {@code invoicesPerAccount} issued
     * invoices of EUR 119, the first due 30 days before the morning, the others due after it.
     */
    public static void load(Storage storage, Clock clock, Size size) {
        load(storage, clock, size, TenantId.DEFAULT);
    }

    /** The same for the tenant. */
    public static void load(Storage storage, Clock clock, Size size, TenantId tenant) {
        IdGenerator ids = new IdGenerator(clock);
        UserId owner = UserId.next(ids);
        Currency eur = Currency.getInstance("EUR");
        List<InvoiceLine> lines =
                List.of(InvoiceLine.of("Subscription", BigDecimal.ONE, Money.of("119.00", "EUR"), BigDecimal.ZERO));
        LocalDate today = LocalDate.ofInstant(MORNING, ZoneOffset.UTC);
        int batch = 1000;
        for (int from = 0; from < size.accounts(); from += batch) {
            List<Account> accounts = new ArrayList<>(batch);
            List<Invoice> invoices = new ArrayList<>(batch * size.invoicesPerAccount());
            for (int a = from; a < Math.min(size.accounts(), from + batch); a++) {
                AccountId accountId = AccountId.next(ids);
                accounts.add(Account.register(
                        tenant,
                        accountId,
                        NewAccount.of("Customer " + a, owner)
                                .withEmail(EmailAddress.of("ap" + a + "@customer.example"), ContactPointType.BILLING),
                        clock));
                for (int i = 0; i < size.invoicesPerAccount(); i++) {
                    LocalDate due = i == 0 ? today.minusDays(30) : today.plusDays(5L + i * 3L);
                    Invoice invoice = Invoice.draft(
                            tenant,
                            InvoiceId.next(ids),
                            "INV-" + a + "-" + i,
                            accountId,
                            due.minusDays(30),
                            due,
                            eur,
                            lines,
                            clock);
                    invoice.issue(clock);
                    invoices.add(invoice);
                }
            }
            storage.transactions().inTransaction(() -> {
                storage.accounts().saveAll(accounts);
                storage.invoices().saveAll(invoices);
            });
        }
    }

    /** CPU time of the JVM, every thread: the machine is shared, so wall time alone says little. */
    public static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
