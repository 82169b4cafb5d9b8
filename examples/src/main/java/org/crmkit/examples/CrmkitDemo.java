package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
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
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewLineItem;
import org.crmkit.core.NewPayment;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.lead.AssignmentResult;
import org.crmkit.core.lead.AssignmentRule;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadAssignment;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadCriteria;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.ScoreContribution;
import org.crmkit.core.lead.ScoringRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.DealField;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineMetrics;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageGate;
import org.crmkit.core.sales.StageMoveResult;
import org.crmkit.persistence.jpa.JpaDunningCaseStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.Dossier;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.InterestMode;
import org.crmkit.workflow.dunning.InterestRule;
import org.crmkit.workflow.dunning.ReferenceRates;
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
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
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
        Log log = new Log(clock, out);

        // 1. the company's tenant; the assignment rules name its users and team, so the Crm the story runs on is
        // built once they exist
        step(out, 1, "Setting up the tenant: users, a sales team, two territories, lead assignment rules, a pipeline");
        Crm setup = Crm.builder().storage(storage).clock(clock).build();
        User lena = setup.access()
                .registerUser("Lena Lead", EmailAddress.of("lena@crmkit-demo.example"), Set.of(Role.MANAGER));
        User ada = setup.access()
                .registerUser("Ada Sales", EmailAddress.of("ada@crmkit-demo.example"), Set.of(Role.SALES));
        User ben = setup.access()
                .registerUser("Ben Sales", EmailAddress.of("ben@crmkit-demo.example"), Set.of(Role.SALES));
        User carl = setup.access()
                .registerUser("Carl Collections", EmailAddress.of("carl@crmkit-demo.example"), Set.of(Role.SERVICE));
        Team sales = setup.access().createTeam("Sales DACH", lena.id());
        setup.access().addTeamMember(sales.id(), ada.id());
        setup.access().addTeamMember(sales.id(), ben.id());
        var germany = setup.access().defineTerritory("Germany", 1, List.of(TerritoryRule.country("DE")));
        setup.access().addTerritoryMember(germany.id(), ada.id());
        var alpine = setup.access()
                .defineTerritory(
                        "Austria and Switzerland",
                        2,
                        List.of(TerritoryRule.country("AT"), TerritoryRule.country("CH")));
        setup.access().addTerritoryMember(alpine.id(), ben.id());
        LeadAssignmentRules assignment = LeadAssignmentRules.of(
                new AssignmentRule.ToUser(
                        "Germany, 50+ employees",
                        LeadCriteria.place(TerritoryRule.country("DE")).withEmployees(50, null),
                        ada.id()),
                new AssignmentRule.ToUser("Switzerland", LeadCriteria.place(TerritoryRule.country("CH")), ben.id()),
                new AssignmentRule.RoundRobin("Sales DACH in turn", LeadCriteria.ANY, sales.id(), 10, Map.of()));
        Pipeline defined = setup.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.open("Propose", 40, ForecastCategory.BEST_CASE)
                                        .gatedBy(
                                                StageGate.requires(DealField.EXPECTED_CLOSE_DATE),
                                                StageGate.requiresLineItem()),
                                NewStage.open("Negotiate", 70, ForecastCategory.COMMIT)
                                        .gatedBy(
                                                StageGate.requiresContactRole(BuyingRole.DECISION_MAKER),
                                                StageGate.minimumAmount(Money.of("10000.00", "EUR"))),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        Pipeline pipeline = setup.pipelines()
                .changeCloseReasons(
                        defined.id(), List.of("product fit", "price"), List.of("price", "competitor", "no decision"));
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .leadScoring(scoring())
                .leadAssignment(assignment)
                .build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(
                        Channel.EMAIL,
                        (key, message) -> log.sent(key, "e-mail", message.recipient(), message.subject()))
                .channel(
                        Channel.LETTER,
                        (key, message) -> log.sent(key, "letter", message.recipient(), message.subject()))
                .build();
        out.printf(
                "      4 users, team %s led by %s, territories %s and %s%n",
                sales.name(), lena.name(), germany.name(), alpine.name());
        for (AssignmentRule rule : assignment.rules()) {
            out.printf(
                    "      assignment rule '%s': %s%n",
                    rule.name(), rule.criteria().describe());
        }
        out.printf(
                "      pipeline %s: %s%n",
                pipeline.name(),
                pipeline.stages().stream()
                        .map(s -> s.name()
                                + (s.gates().isEmpty() ? "" : " (" + s.gates().size() + " gates)"))
                        .toList());

        // 2. customers
        step(out, 2, "Registering accounts and contacts with consent");
        TaskReminders.builder(runtime).zone(BERLIN).build();
        Greetings.builder(runtime).build();
        List<Customer> customers = List.of(
                customer(crm, ada, "Anders Logistik", "Anna", "Anders", "DE", LocalDate.of(1984, 1, 19), true),
                customer(crm, ada, "Berger Bau", "Bernd", "Berger", "DE", LocalDate.of(1979, 2, 7), true),
                customer(crm, ben, "Claussen Druck", "Clara", "Claussen", "AT", LocalDate.of(1990, 3, 3), true),
                customer(crm, ben, "Dietz Medien", "Dora", "Dietz", "CH", LocalDate.of(1972, 3, 28), false),
                customer(crm, ada, "Engel Handel", "Emil", "Engel", "DE", LocalDate.of(1966, 4, 16), true));
        for (Customer c : customers) {
            crm.access().assignTerritory(c.account().id());
        }
        out.printf(
                "      %d accounts with one contact each; %d may receive marketing e-mail%n",
                customers.size(),
                customers.stream().filter(Customer::marketingConsent).count());

        // 3. leads
        step(out, 3, "Capturing, scoring, assigning and converting leads");
        List<Lead> leads = new ArrayList<>();
        for (NewLead lead : List.of(
                lead(
                        "Franz",
                        "Fischer",
                        "Fischer Maschinen",
                        "Head of Purchasing",
                        "DE",
                        "manufacturing",
                        250,
                        "trade-fair"),
                lead("Gina", "Graf", "Graf Software", "Intern", "AT", "software", 12, "web"),
                lead("Hugo", "Huber", "Huber Werkzeuge", "CEO", "CH", "manufacturing", 80, "web"),
                lead("Ida", "Iversen", "Iversen Transporte", "Managing Director", "DE", "logistics", 20, "web"))) {
            leads.add(((LeadCapture.Captured) crm.leads().capture(lead)).lead());
        }
        for (Lead lead : leads) {
            out.printf(
                    "      %-18s score %3d (%s): %s%n",
                    lead.details().companyName(), lead.score(), lead.qualification(), explain(lead.scoreBreakdown()));
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
        NewLead again = lead("Anna", "Anders", "Anders Logistik", "Managing director", "DE", "logistics", 40, "web");
        List<DuplicateMatch> duplicates = crm.leads().capture(again) instanceof LeadCapture.PossibleDuplicates possible
                ? possible.matches()
                : List.of();
        out.printf(
                "      %s (%s) not captured, possible duplicate of: %s%n",
                again.details().personName(),
                again.details().email(),
                duplicates.stream().map(match -> describe(match, customers)).toList());
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

        // 4. the pipeline
        step(out, 4, "Walking an opportunity through the gated pipeline");
        Customer anders = customers.get(0);
        Opportunity deal = crm.sales()
                .openOpportunity(NewOpportunity.of(
                        "Fleet telematics for Anders",
                        anders.account().id(),
                        pipeline.id(),
                        Currency.getInstance("EUR"),
                        ada.id()));
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
        int[] reached = {2, 1, 2, 0};
        for (int i = 1; i < customers.size(); i++) {
            Customer c = customers.get(i);
            Opportunity other = crm.sales()
                    .openOpportunity(NewOpportunity.of(
                            "Telematics for " + c.account().name(),
                            c.account().id(),
                            pipeline.id(),
                            Currency.getInstance("EUR"),
                            c.account().owner()));
            crm.sales().setExpectedCloseDate(other.id(), LocalDate.of(2026, 2 + i, 28));
            crm.sales()
                    .addLineItem(
                            other.id(),
                            NewLineItem.of(
                                    "TELEMATICS-BOX", Integer.toString(30 + 10 * i), Money.of("290.00", "EUR"), "0"));
            crm.sales().addContactRole(other.id(), c.contact().id(), BuyingRole.DECISION_MAKER);
            for (int stage = 1; stage <= reached[i - 1]; stage++) {
                crm.sales().moveToStage(other.id(), pipeline.stages().get(stage).id());
            }
        }
        PipelineMetrics metrics = crm.forecasts().pipelineMetrics(pipeline.id(), Currency.getInstance("EUR"));
        out.printf(
                "      open deals: %s; won %d, lost %d%n",
                metrics.stages().stream()
                        .map(s -> s.name() + " " + s.openDeals() + " (" + s.openValue() + ")")
                        .toList(),
                metrics.won(),
                metrics.lost());

        // 5. invoices, dunning, reminders and greetings over 120 days
        step(out, 5, "Issuing invoices and simulating " + DAYS + " days of dunning, reminders and greetings");
        Dunning dunning = dunning(runtime, JpaDunningCaseStore.create(storage), carl, log);
        LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            String amount =
                    List.of("1200.00", "800.00", "1500.00", "900.00", "2400.00").get(i);
            invoices.add(crm.billing()
                    .issueInvoice(new NewInvoice(
                            "2026-00" + (i + 1),
                            customers.get(i).account().id(),
                            today,
                            today.plusDays(14),
                            Currency.getInstance("EUR"),
                            List.of(InvoiceLine.of(
                                    "Services, January", BigDecimal.ONE, Money.of(amount, "EUR"), BigDecimal.ZERO)))));
        }
        crm.activities()
                .createTask(org.crmkit.core.activity.NewTask.of(
                                "Prepare the Q1 review with Anders", START.plus(Duration.ofDays(10)), ada.id())
                        .withReminderAt(START.plus(Duration.ofDays(9))));
        Map<Integer, Runnable> events = new TreeMap<>();
        events.put(12, () -> pay(crm, log, invoices.get(0), "1200.00"));
        events.put(26, () -> pay(crm, log, invoices.get(1), "800.00"));
        events.put(30, () -> pay(crm, log, invoices.get(2), "700.00"));
        events.put(40, () -> pay(crm, log, invoices.get(3), "900.00"));
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
                .tasksOf(carl.id(), Set.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS), PageRequest.first(50))
                .items();
        out.printf(
                "      sent: %s; call queue: %d task(s); lawyer: %s%n",
                log.sentByKind(),
                callQueue.size(),
                log.dossiers().isEmpty()
                        ? "no case"
                        : log.dossiers().stream().map(Dossier::accountName).toList());

        // 6. analytics
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

        // 7. the report
        step(out, 7, "Writing the report");
        Path report = DemoReport.write(
                directory.resolve("crmkit-report.html"),
                crm,
                dunning,
                customers,
                leads.stream().map(Lead::id).toList(),
                pipeline,
                log,
                START,
                START.plus(Duration.ofDays(DAYS)),
                cdnow);
        out.println("      " + report);

        return new Outcome(
                report,
                assigned,
                duplicates,
                converted,
                log.sentByKind(),
                callQueue.size(),
                log.dossiers().stream().map(Dossier::accountName).toList(),
                log.greetings(),
                deal,
                refused.violations(),
                cdnow != null);
    }

    private static void step(PrintStream out, int number, String what) {
        out.printf("[%d/%d] %s%n", number, STEPS, what);
    }

    private static LeadScoringModel scoring() {
        return new LeadScoringModel(
                List.of(
                        new ScoringRule.AttributeIs(
                                "target industry", ScoringRule.Attribute.INDUSTRY, Set.of("manufacturing"), 30),
                        new ScoringRule.AttributeIs(
                                "home market", ScoringRule.Attribute.COUNTRY, Set.of("DE", "AT", "CH"), 10),
                        new ScoringRule.TitleContains("decision maker", List.of("head", "ceo", "director"), 25),
                        new ScoringRule.CompanySize("mid-sized", 50, 1000, 15),
                        new ScoringRule.AttributeIs(
                                "met at a fair", ScoringRule.Attribute.SOURCE, Set.of("trade-fair"), 20)),
                Duration.ofDays(30),
                40,
                70);
    }

    private static NewLead lead(
            String first,
            String last,
            String company,
            String title,
            String country,
            String industry,
            int employees,
            String source) {
        String email = first.toLowerCase(Locale.ROOT) + "@"
                + company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        return new NewLead(
                new LeadDetails(
                        first,
                        last,
                        company,
                        title,
                        EmailAddress.of(email),
                        null,
                        CountryCode.of(country),
                        null,
                        null,
                        industry,
                        employees),
                LeadSource.of(source),
                null,
                null);
    }

    /** The matched record by name (the demo's customers are the only contacts and accounts so far) and why. */
    private static String describe(DuplicateMatch match, List<Customer> customers) {
        String name = customers.stream()
                .filter(c -> c.contact().id().value().equals(match.record().id())
                        || c.account().id().value().equals(match.record().id()))
                .map(c -> c.contact().id().value().equals(match.record().id())
                        ? c.contact().name().fullName()
                        : c.account().name())
                .findFirst()
                .orElse(match.record().id().toString());
        return match.record().type().name().toLowerCase(Locale.ROOT) + " " + name + " by "
                + match.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + match.value();
    }

    private static String explain(List<ScoreContribution> contributions) {
        return contributions.stream()
                .map(c -> c.rule() + " " + (c.points() >= 0 ? "+" : "") + c.points())
                .reduce((a, b) -> a + ", " + b)
                .orElse("no rule applied");
    }

    record Customer(Account account, Contact contact, boolean marketingConsent) {}

    private static Customer customer(
            Crm crm,
            User owner,
            String company,
            String first,
            String last,
            String country,
            LocalDate birthday,
            boolean marketingConsent) {
        String domain = company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
        PostalAddress address = PostalAddress.of("Hauptstr. 1", "10115", "Stadt", country);
        Account account = crm.parties()
                .registerAccount(NewAccount.of(company, owner.id())
                        .withEmail(EmailAddress.of("ap@" + domain), ContactPointType.BILLING)
                        .withAddress(address, ContactPointType.BILLING));
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, last), owner.id())
                        .withDetails(new ContactDetails(Locale.GERMAN, birthday, BERLIN))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@" + domain), ContactPointType.WORK)
                        .withAddress(address, ContactPointType.WORK));
        crm.parties()
                .linkContactToAccount(
                        contact.id(), account.id(), "Managing director", true, LocalDate.of(2020, 1, 1), null);
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract");
        if (marketingConsent) {
            crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "newsletter form");
        }
        return new Customer(account, crm.parties().contact(contact.id()), marketingConsent);
    }

    private static Dunning dunning(WorkflowRuntime runtime, DunningCaseStore cases, User collections, Log log) {
        ReferenceRates rates = ReferenceRates.builder()
                .halfYear(LocalDate.of(2026, 1, 1), "1.27") // an example figure: use the published rate
                .halfYear(LocalDate.of(2026, 7, 1), "1.27")
                .build();
        DunningPolicy policy = DunningPolicy.builder("b2b")
                .currency("EUR")
                .interest(InterestRule.of(InterestMode.B2B_GERMANY, rates))
                .level(DunningLevel.daysAfterDue(7)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(21)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .fee("5.00")
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(35).callTask(collections.id(), 2))
                .level(DunningLevel.daysAfterDue(60).legalHandOff().creditHold().notice(Channel.LETTER))
                .build();
        return Dunning.builder(runtime)
                .cases(cases)
                .policy(policy)
                .legalHandOff((key, dossier) -> log.lawyer(dossier))
                .build();
    }

    private static void pay(Crm crm, Log log, Invoice invoice, String amount) {
        Money paid = Money.of(amount, "EUR");
        log.event("payment", invoice.number(), "payment of " + paid);
        crm.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        paid,
                        log.today(),
                        PaymentMethod.BANK_TRANSFER,
                        "BANK-" + invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), paid))));
    }

    /** What happened during the simulation, in order, for the summary and the report's timeline. */
    static final class Log {

        record Entry(LocalDate date, String kind, String who, String what) {}

        private final SettableClock clock;
        private final PrintStream out;
        private final List<Entry> entries = new ArrayList<>();
        private final List<Dossier> dossiers = new ArrayList<>();

        Log(SettableClock clock, PrintStream out) {
            this.clock = clock;
            this.out = out;
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }

        /** Records a delivered message; the deduplication key tells which workflow planned it. */
        synchronized void sent(String key, String channel, String recipient, String subject) {
            String kind = key.startsWith("greeting:")
                    ? "greeting"
                    : key.startsWith("dunning:") ? "dunning " + channel : "task reminder";
            entries.add(new Entry(today(), kind, recipient, subject));
        }

        synchronized void event(String kind, String who, String what) {
            entries.add(new Entry(today(), kind, who, what));
        }

        synchronized void lawyer(Dossier dossier) {
            dossiers.add(dossier);
            entries.add(new Entry(
                    today(),
                    "lawyer",
                    dossier.accountName(),
                    "dossier, claim " + dossier.claim().total()));
        }

        synchronized List<Entry> entries() {
            return List.copyOf(entries);
        }

        synchronized List<Dossier> dossiers() {
            return List.copyOf(dossiers);
        }

        synchronized Map<String, Integer> sentByKind() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Entry entry : entries) {
                counts.merge(entry.kind(), 1, Integer::sum);
            }
            return counts;
        }

        synchronized int greetings() {
            return sentByKind().getOrDefault("greeting", 0);
        }
    }
}
