package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.analytics.crm.BillingPurchases;
import org.crmkit.core.ConvertLead;
import org.crmkit.core.Crm;
import org.crmkit.core.LeadCapture;
import org.crmkit.core.LeadConversionResult;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewLineItem;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.lead.AssignmentResult;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadAssignment;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineMetrics;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageMoveResult;
import org.crmkit.persistence.jpa.JpaDunningCaseStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.dunning.Dossier;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.greeting.Greetings;
import org.crmkit.workflow.reminder.TaskReminders;

/**
 * The whole crmkit story in one program, with a progress line per step: a tenant with users, a team, territories,
 * lead assignment rules and a gated pipeline; accounts and contacts with consent; leads captured, scored and
 * assigned by rule (one capture reported as a possible duplicate), the best one converted into account, contact and
 * opportunity; an opportunity walked through the pipeline (one move refused, with its violations); invoices and
 * 120 simulated days of dunning, task reminders and birthday greetings; the analytics on the CDNOW data and on the
 * demo's own invoices; and a self-contained HTML report whose path it prints. The README's demo command runs it.
 *
 * <p>System properties: {@code crmkit.demo.dir} (where the report and the H2 database go, default
 * {@code target/crmkit-demo}), {@code crmkit.demo.jdbcUrl} with {@code crmkit.demo.user} and
 * {@code crmkit.demo.password} (another database, e.g. PostgreSQL, instead of H2),
 * {@code crmkit.cdnow.dir} (the CDNOW data; the step is skipped with a note when it is missing).
 */
public final class CrmkitDemo {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final int DAYS = 120;
    private static final int STEPS = 7;

    private CrmkitDemo() {}

    public static void main(String[] args) {
        Path directory = Path.of(System.getProperty("crmkit.demo.dir", "target/crmkit-demo"));
        Path cdnow = Path.of(System.getProperty("crmkit.cdnow.dir", "../shared/data/cdnow"));
        run(directory, cdnow, System.out);
    }

    /** What the demo leaves behind: the report's path and the figures its test checks against the report. */
    record Outcome(
            Path report,
            List<LeadAssigned> assignedLeads,
            List<DuplicateMatch> duplicates,
            LeadConversionResult.Converted convertedLead,
            Map<String, Integer> sentByKind,
            int callQueue,
            List<String> lawyerCases,
            int greetings,
            Opportunity wonDeal,
            List<Violation> refusal,
            boolean cdnowAnalysed) {}

    /** Who got a captured lead (the company's name) by which assignment rule. */
    record LeadAssigned(String company, String owner, String rule) {}

    /**
     * Runs the story on crmkit's JPA adapter: an H2 database in {@code <directory>/crm} (recreated on every run)
     * unless {@code crmkit.demo.jdbcUrl} names another one, e.g. an empty PostgreSQL database (with
     * {@code crmkit.demo.user} and {@code crmkit.demo.password}).
     */
    static Outcome run(Path directory, Path cdnowDirectory, PrintStream out) {
        String url = System.getProperty(
                "crmkit.demo.jdbcUrl",
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("crm"));
        try (DemoDatabase database = DemoDatabase.open(
                url, System.getProperty("crmkit.demo.user"), System.getProperty("crmkit.demo.password"))) {
            out.println("Database: " + database.url() + " (crmkit's JpaStorage and JpaWorkflowStore on Hibernate)");
            return run(database, directory, cdnowDirectory, out);
        }
    }

    private static Outcome run(DemoDatabase database, Path directory, Path cdnowDirectory, PrintStream out) {
        SettableClock clock = SettableClock.at(START);
        JpaStorage storage =
                JpaStorage.builder(database.entityManagerFactory()).clock(clock).build();
        DemoLog log = new DemoLog(clock, out);
        DemoTenant tenant = DemoTenant.setUp(storage, clock, log, out);
        List<DemoFixtures.Customer> customers = registerCustomers(tenant, out);
        CapturedLeads leads = captureLeads(tenant, customers, out);
        WalkedDeal deal = walkPipeline(tenant, customers, out);
        SimulatedDays days = simulateDays(tenant, storage, clock, log, customers, out);
        CdnowAnalysis.Result cdnow = runAnalytics(tenant.crm(), cdnowDirectory, days.invoices(), out);

        // 7. the report
        step(out, 7, "Writing the report");
        Path report = DemoReport.write(
                directory.resolve("crmkit-report.html"),
                tenant.crm(),
                days.dunning(),
                customers,
                leads.leads().stream().map(Lead::id).toList(),
                tenant.pipeline(),
                log,
                START,
                START.plus(Duration.ofDays(DAYS)),
                cdnow);
        out.println("      " + report);

        return new Outcome(
                report,
                leads.assigned(),
                leads.duplicates(),
                leads.converted(),
                log.sentByKind(),
                days.callQueue(),
                log.dossiers().stream().map(Dossier::accountName).toList(),
                log.greetings(),
                deal.won(),
                deal.refusal(),
                cdnow != null);
    }

    private static List<DemoFixtures.Customer> registerCustomers(DemoTenant tenant, PrintStream out) {
        Crm crm = tenant.crm();
        step(out, 2, "Registering accounts and contacts with consent");
        TaskReminders.builder(tenant.runtime()).zone(DemoFixtures.BERLIN).build();
        Greetings.builder(tenant.runtime()).build();
        List<DemoFixtures.Customer> customers = List.of(
                DemoFixtures.customer(
                        crm, tenant.ada(), "Anders Logistik", "Anna", "Anders", "DE", LocalDate.of(1984, 1, 19), true),
                DemoFixtures.customer(
                        crm, tenant.ada(), "Berger Bau", "Bernd", "Berger", "DE", LocalDate.of(1979, 2, 7), true),
                DemoFixtures.customer(
                        crm, tenant.ben(), "Claussen Druck", "Clara", "Claussen", "AT", LocalDate.of(1990, 3, 3), true),
                DemoFixtures.customer(
                        crm, tenant.ben(), "Dietz Medien", "Dora", "Dietz", "CH", LocalDate.of(1972, 3, 28), false),
                DemoFixtures.customer(
                        crm, tenant.ada(), "Engel Handel", "Emil", "Engel", "DE", LocalDate.of(1966, 4, 16), true));
        for (DemoFixtures.Customer c : customers) {
            crm.access().assignTerritory(c.account().id());
        }
        out.printf(
                "      %d accounts with one contact each; %d may receive marketing e-mail%n",
                customers.size(),
                customers.stream()
                        .filter(DemoFixtures.Customer::marketingConsent)
                        .count());
        return customers;
    }

    /** The leads captured, who got them by which rule, the capture reported as a duplicate, the converted lead. */
    private record CapturedLeads(
            List<Lead> leads,
            List<LeadAssigned> assigned,
            List<DuplicateMatch> duplicates,
            LeadConversionResult.Converted converted) {}

    private static CapturedLeads captureLeads(
            DemoTenant tenant, List<DemoFixtures.Customer> customers, PrintStream out) {
        Crm crm = tenant.crm();
        User ada = tenant.ada();
        User ben = tenant.ben();
        Pipeline pipeline = tenant.pipeline();
        step(out, 3, "Capturing, scoring, assigning and converting leads");
        List<Lead> leads = new ArrayList<>();
        for (NewLead lead : List.of(
                DemoFixtures.lead(
                        "Franz",
                        "Fischer",
                        "Fischer Maschinen",
                        "Head of Purchasing",
                        "DE",
                        "manufacturing",
                        250,
                        "trade-fair"),
                DemoFixtures.lead("Gina", "Graf", "Graf Software", "Intern", "AT", "software", 12, "web"),
                DemoFixtures.lead("Hugo", "Huber", "Huber Werkzeuge", "CEO", "CH", "manufacturing", 80, "web"),
                DemoFixtures.lead(
                        "Ida", "Iversen", "Iversen Transporte", "Managing Director", "DE", "logistics", 20, "web"))) {
            leads.add(((LeadCapture.Captured) crm.leads().capture(lead)).lead());
        }
        for (Lead lead : leads) {
            out.printf(
                    "      %-18s score %3d (%s): %s%n",
                    lead.details().companyName(),
                    lead.score(),
                    lead.qualification(),
                    DemoFixtures.explain(lead.scoreBreakdown()));
        }
        Map<UserId, String> names = Map.of(ada.id(), ada.name(), ben.id(), ben.name());
        List<LeadAssigned> assigned = new ArrayList<>();
        for (Lead lead : leads) {
            LeadAssignment decision = ((AssignmentResult.Assigned) crm.leads().assignByRules(lead.id())).decision();
            assigned.add(new LeadAssigned(lead.details().companyName(), names.get(decision.owner()), decision.rule()));
            out.printf(
                    "      %-18s -> %s by rule '%s' (%s)%n",
                    lead.details().companyName(), names.get(decision.owner()), decision.rule(), decision.reason());
        }
        NewLead again = DemoFixtures.lead(
                "Anna", "Anders", "Anders Logistik", "Managing director", "DE", "logistics", 40, "web");
        List<DuplicateMatch> duplicates = crm.leads().capture(again) instanceof LeadCapture.PossibleDuplicates possible
                ? possible.matches()
                : List.of();
        out.printf(
                "      %s (%s) not captured, possible duplicate of: %s%n",
                again.details().personName(),
                again.details().email(),
                duplicates.stream()
                        .map(match -> DemoFixtures.describe(match, customers))
                        .toList());
        Lead best = leads.stream().max(Comparator.comparingInt(Lead::score)).orElseThrow();
        crm.leads().qualify(best.id());
        LeadConversionResult.Converted converted = (LeadConversionResult.Converted) crm.leads()
                .convert(
                        best.id(),
                        ConvertLead.withDeal(new ConvertLead.Deal(
                                pipeline.id(),
                                "Telematics for " + best.details().companyName(),
                                Currency.getInstance("EUR"),
                                Money.of("36250.00", "EUR"),
                                LocalDate.of(2026, 4, 30))));
        out.printf(
                "      best lead %s (score %d) converted: account %s, contact %s, opportunity '%s' (%s) in %s%n",
                best.details().personName(),
                best.score(),
                converted.account().name(),
                converted.contact().name().fullName(),
                converted.opportunity().name(),
                converted.opportunity().amount(),
                pipeline.requireStage(converted.opportunity().stage()).name());
        return new CapturedLeads(leads, assigned, duplicates, converted);
    }

    /** The deal walked to won, and the violations of its refused move. */
    private record WalkedDeal(Opportunity won, List<Violation> refusal) {}

    private static WalkedDeal walkPipeline(DemoTenant tenant, List<DemoFixtures.Customer> customers, PrintStream out) {
        Crm crm = tenant.crm();
        Pipeline pipeline = tenant.pipeline();
        step(out, 4, "Walking an opportunity through the gated pipeline");
        DemoFixtures.Customer anders = customers.get(0);
        Opportunity deal = crm.sales()
                .openOpportunity(NewOpportunity.of(
                        "Fleet telematics for Anders",
                        anders.account().id(),
                        pipeline.id(),
                        Currency.getInstance("EUR"),
                        tenant.ada().id()));
        Stage propose = pipeline.stages().get(1);
        Stage negotiate = pipeline.stages().get(2);
        StageMoveResult refused = crm.sales().moveToStage(deal.id(), propose.id());
        out.printf("      move to %s refused:%n", propose.name());
        refused.violations().forEach(v -> out.printf("        %s  %s%n", v.code(), v.message()));
        crm.sales().setExpectedCloseDate(deal.id(), LocalDate.of(2026, 3, 31));
        crm.sales().addLineItem(deal.id(), NewLineItem.of("TELEMATICS-BOX", "40", Money.of("290.00", "EUR"), "5"));
        crm.sales().addLineItem(deal.id(), NewLineItem.of("INSTALL", "1", Money.of("1800.00", "EUR"), "0"));
        crm.sales().moveToStage(deal.id(), propose.id());
        crm.sales().addContactRole(deal.id(), anders.contact().id(), BuyingRole.DECISION_MAKER);
        crm.sales().moveToStage(deal.id(), negotiate.id());
        crm.sales().markWon(deal.id(), "product fit");
        deal = crm.sales().opportunity(deal.id()).orElseThrow();
        out.printf("      after fixing them: %s -> %s -> won, %s%n", propose.name(), negotiate.name(), deal.amount());
        DemoFixtures.openMoreDeals(crm, customers, pipeline);
        PipelineMetrics metrics = crm.forecasts().pipelineMetrics(pipeline.id(), Currency.getInstance("EUR"));
        out.printf(
                "      open deals: %s; won %d, lost %d%n",
                metrics.stages().stream()
                        .map(s -> s.name() + " " + s.openDeals() + " (" + s.openValue() + ")")
                        .toList(),
                metrics.won(),
                metrics.lost());
        return new WalkedDeal(deal, refused.violations());
    }

    /** The dunning that ran, the invoices issued and the call queue's length at the end. */
    private record SimulatedDays(Dunning dunning, List<Invoice> invoices, int callQueue) {}

    private static SimulatedDays simulateDays(
            DemoTenant tenant,
            JpaStorage storage,
            SettableClock clock,
            DemoLog log,
            List<DemoFixtures.Customer> customers,
            PrintStream out) {
        Crm crm = tenant.crm();
        WorkflowRuntime runtime = tenant.runtime();
        step(out, 5, "Issuing invoices and simulating " + DAYS + " days of dunning, reminders and greetings");
        Dunning dunning = DemoFixtures.dunning(runtime, JpaDunningCaseStore.create(storage), tenant.carl(), log);
        LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);
        List<Invoice> invoices = DemoFixtures.issueJanuaryInvoices(crm, customers, today);
        crm.activities()
                .createTask(org.crmkit.core.activity.NewTask.of(
                                "Prepare the Q1 review with Anders",
                                START.plus(Duration.ofDays(10)),
                                tenant.ada().id())
                        .withReminderAt(START.plus(Duration.ofDays(9))));
        Map<Integer, Runnable> events = new TreeMap<>();
        events.put(12, () -> DemoFixtures.pay(crm, log, invoices.get(0), "1200.00"));
        events.put(26, () -> DemoFixtures.pay(crm, log, invoices.get(1), "800.00"));
        events.put(30, () -> DemoFixtures.pay(crm, log, invoices.get(2), "700.00"));
        events.put(40, () -> DemoFixtures.pay(crm, log, invoices.get(3), "900.00"));
        // the host's scheduler runs the workflows once a day at 08:00 UTC, after the morning's bank payments
        // (every run costs about fifteen short transactions, so a finer tick would only slow the demo down)
        TimeFixture.at(clock)
                .everyTick(Duration.ofDays(1), now -> {
                    Runnable event = events.get((int) ChronoUnit.DAYS.between(START, now));
                    if (event != null) {
                        event.run();
                    }
                    runtime.runDue(now);
                })
                .whenTimeElapses(Duration.ofDays(DAYS));
        List<Task> callQueue = crm.activities()
                .tasksOf(tenant.carl().id(), Set.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS), PageRequest.first(50))
                .items();
        out.printf(
                "      sent: %s; call queue: %d task(s); lawyer: %s%n",
                log.sentByKind(),
                callQueue.size(),
                log.dossiers().isEmpty()
                        ? "no case"
                        : log.dossiers().stream().map(Dossier::accountName).toList());
        return new SimulatedDays(dunning, invoices, callQueue.size());
    }

    /** The CDNOW analysis (null when the data is missing) and the demo's own paid invoices. */
    private static CdnowAnalysis.Result runAnalytics(
            Crm crm, Path cdnowDirectory, List<Invoice> invoices, PrintStream out) {
        step(out, 6, "Running the analytics on the CDNOW data and on the demo's invoices");
        Path master = cdnowDirectory.resolve("CDNOW_master.txt");
        CdnowAnalysis.Result cdnow = null;
        if (Files.isReadable(master)) {
            cdnow = CdnowAnalysis.analyse(master);
            Map<String, Double> p = cdnow.purchases().parameters();
            out.printf(
                    Locale.ROOT,
                    "      CDNOW: %,d customers; BG/NBD r=%.3f alpha=%.3f a=%.3f b=%.3f%n",
                    cdnow.customers().size(),
                    p.get("r"),
                    p.get("alpha"),
                    p.get("a"),
                    p.get("b"));
        } else {
            out.println("      CDNOW data not found at "
                    + master.toAbsolutePath().normalize() + " (set -Dcrmkit.cdnow.dir): that part is skipped");
        }
        LocalDate firstDay = LocalDate.ofInstant(START, ZoneOffset.UTC);
        List<PurchaseRecord> purchases =
                BillingPurchases.fromPaidInvoices(crm.billing(), firstDay, firstDay.plusDays(DAYS));
        out.printf(
                "      demo invoices: %d paid of %d, EUR %s collected%n",
                purchases.size(),
                invoices.size(),
                purchases.stream().map(PurchaseRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        return cdnow;
    }

    static void step(PrintStream out, int number, String what) {
        out.printf("[%d/%d] %s%n", number, STEPS, what);
    }
}
