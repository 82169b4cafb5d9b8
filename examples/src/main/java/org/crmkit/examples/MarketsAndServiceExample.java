package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.analytics.crm.CustomerScoreRefresh;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.offer.Offer;
import org.crmkit.core.offer.OfferCondition;
import org.crmkit.core.offer.OfferRule;
import org.crmkit.core.offer.OfferRules;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.greeting.Greetings;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.crmkit.workflow.service.CustomerService;
import org.crmkit.workflow.service.InMemoryConversationStore;
import org.crmkit.workflow.service.InboundMessage;
import org.crmkit.workflow.service.Milestone;
import org.crmkit.workflow.service.Received;
import org.crmkit.workflow.service.ServiceChannel;
import org.crmkit.workflow.service.SlaComplianceReport;
import org.crmkit.workflow.service.SlaPolicy;
import org.crmkit.workflow.service.SurveyAnswer;

/**
 * The source material's markets, offers and multichannel service, in memory: a Polish, a Russian, a Finnish and a
 * Chinese customer buy from the shop; a score refresh over the CRM's invoices sorts them into key, small and
 * unprofitable customers, and their birthday greetings carry the offer the shop's offer rules choose by tier;
 * greetings on their countries' holidays (from Jollyday, and China's from the State Council's calendar) come in
 * their own languages; then an e-mail that opens a service case whose first-response target (two
 * business hours in Warsaw) passes: the assignee is warned, the case is escalated to the team lead with a task, the
 * lead replies, resolves the case, the customer answers the survey in Polish, and the compliance report shows it;
 * last, a winter sale to the newsletter segment ({@link CampaignStory}): double opt-in, a bounce, an unsubscribe, and
 * the revenue, margin and ROI of the purchase a click led to.
 * Prints every message as it goes out (times in UTC), with the offer it makes and the rule that chose it.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.MarketsAndServiceExample}
 */
public final class MarketsAndServiceExample {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private MarketsAndServiceExample() {}

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T00:00:00Z"));
        InMemoryStorage storage = InMemoryStorage.create(clock);
        AtomicReference<Message> lastMessage = new AtomicReference<>();
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .offerRules(OfferRules.of(
                        OfferRule.of(
                                        "key customers' birthday",
                                        OfferCondition.tier(CustomerTier.KEY),
                                        Offer.of("BDAY-GIFT", "A gift box with your next order"))
                                .onlyOn("birthday"),
                        OfferRule.of(
                                        "small customers' birthday",
                                        OfferCondition.tier(CustomerTier.SMALL),
                                        Offer.of("BDAY-10", "10% off your next order"))
                                .onlyOn("birthday")))
                .build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .channel(Channel.EMAIL, (key, message) -> {
                    lastMessage.set(message);
                    out.println(line(clock.instant(), message));
                })
                .build();
        User lead = crm.access().registerUser("Lena Lead", EmailAddress.of("lena@shop.example"), Set.of(Role.MANAGER));
        User agent = crm.access().registerUser("Ada Agent", EmailAddress.of("ada@shop.example"), Set.of(Role.SERVICE));
        crm.access()
                .addTeamMember(
                        crm.access().createTeam("Service Poland", lead.id()).id(), agent.id());

        List<Contact> customers = greetings(out, crm, runtime, clock, agent.id());
        service(out, crm, runtime, storage, clock, agent, lead);
        CampaignStory.run(
                out,
                crm,
                runtime,
                storage,
                clock,
                agent.id(),
                List.of(customers.get(0), customers.get(3)),
                lastMessage::get);
    }

    /** Returns the four customers: the Polish, the Russian, the Finnish and the Chinese one. */
    private static List<Contact> greetings(
            PrintStream out, Crm crm, WorkflowRuntime runtime, SettableClock clock, UserId owner) {
        SegmentId audience = crm.segments()
                .define(
                        "Holiday greetings",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(SegmentCriterion.HasTags.of("greetings")))
                .id();
        Greetings.builder(runtime)
                .holidays(audience, "independence-day", "mid-autumn-festival")
                .build();
        Contact agnieszka =
                customer(crm, owner, "Agnieszka", "Nowak", "PL", "Europe/Warsaw", "pl", "agnieszka@example.pl", 6, 20);
        Contact ivan = customer(crm, owner, "Ivan", "Petrov", "RU", "Europe/Moscow", "ru", "ivan@example.ru", 7, 15);
        Contact aino = customer(crm, owner, "Aino", "Virtanen", "FI", "Europe/Helsinki", "fi", "aino@example.fi", 8, 8);
        Contact wei = customer(crm, owner, "Wei", "Wang", "CN", "Asia/Shanghai", "zh", "wei@example.cn", 10, 10);
        // a year of orders, paid: three large ones, one small one, one sample sent at a loss, two large ones
        purchases(crm, owner, agnieszka, "420.00", "380.00", "510.00");
        purchases(crm, owner, ivan, "150.00");
        purchases(crm, owner, aino, "12.00");
        purchases(crm, owner, wei, "800.00", "760.00");
        CustomerScoreRefresh.Report report = CustomerScoreRefresh.builder(crm)
                .period(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31))
                .costPerOrder(new BigDecimal("20.00"))
                .keyThreshold(new BigDecimal("1000"))
                .build()
                .run();
        out.println("Scores of " + report.scored() + " customers as of " + report.asOf() + " (tier, profit, RFM"
                + " segment):");
        for (Contact customer : List.of(agnieszka, ivan, aino, wei)) {
            crm.scores()
                    .scoreForContact(customer.id(), report.asOf())
                    .ifPresent(score -> out.println("  " + customer.name().fullName() + ": " + score.tier() + ", "
                            + score.profit().amount().toPlainString() + " " + score.currency() + ", "
                            + score.rfmSegment()));
        }
        out.println("Birthday greetings with the offer chosen by tier, and holiday greetings (due at 09:00 local"
                + " time, sent by the day's run at 12:00 UTC), in the customer's language:");
        for (String day : new String[] {
            "2026-06-12",
            "2026-06-20",
            "2026-07-15",
            "2026-08-08",
            "2026-09-25",
            "2026-10-10",
            "2026-11-11",
            "2026-12-06"
        }) {
            clock.set(Instant.parse(day + "T12:00:00Z"));
            runtime.runDue(clock.instant());
        }
        return List.of(agnieszka, ivan, aino, wei);
    }

    /** The customer's household as an account with one paid invoice per amount, a month apart from June 2025. */
    private static void purchases(Crm crm, UserId owner, Contact customer, String... amounts) {
        Account household =
                crm.parties().registerAccount(NewAccount.of(customer.name().fullName(), owner));
        crm.parties()
                .linkContactToAccount(customer.id(), household.id(), "customer", true, LocalDate.of(2025, 1, 1), null);
        LocalDate issued = LocalDate.of(2025, 6, 15);
        for (String amount : amounts) {
            Invoice invoice = crm.billing()
                    .issueInvoice(NewInvoice.of(
                                    "S-" + customer.name().lastName() + "-" + issued,
                                    household.id(),
                                    issued,
                                    issued.plusDays(14),
                                    Currency.getInstance("EUR"))
                            .withLine(InvoiceLine.of("Tea and kettles", "1", Money.of(amount, "EUR"), "0")));
            crm.billing()
                    .recordPayment(new NewPayment(
                            household.id(),
                            invoice.total(),
                            issued.plusDays(7),
                            PaymentMethod.BANK_TRANSFER,
                            invoice.number(),
                            List.of(NewPayment.Allocation.of(invoice.id(), invoice.total()))));
            issued = issued.plusMonths(1);
        }
    }

    private static void service(
            PrintStream out,
            Crm crm,
            WorkflowRuntime runtime,
            InMemoryStorage storage,
            SettableClock clock,
            User agent,
            User lead) {
        CustomerService service = CustomerService.builder(runtime)
                .store(InMemoryConversationStore.create(storage))
                .policy(SlaPolicy.of("two hours", Duration.ofHours(2), Duration.ofHours(16))
                        .warningBefore(Duration.ofMinutes(30)))
                .surveyLinks(conversation -> "https://shop.example/survey/" + conversation.reference())
                .build();
        Contact anna =
                customer(crm, agent.id(), "Anna", "Kowalska", "PL", "Europe/Warsaw", "pl", "anna@example.pl", 0, 0);
        crm.parties().grantConsent(anna.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "order form");
        // Wednesday 2 December 2026, 15:30 in Warsaw: an hour and a half of the business day is left
        clock.set(Instant.parse("2026-12-02T14:30:00Z"));
        Received received = service.receive(InboundMessage.of(
                ServiceChannel.EMAIL,
                "anna@example.pl",
                "Pokrywka czajnika pękła",
                "Dzień dobry, pokrywka mojego czajnika pękła po tygodniu.",
                clock.instant()));
        crm.serviceDesk().assign(received.serviceCase().id(), agent.id());
        out.println();
        out.println(TIME.format(clock.instant()) + "  e-mail from anna@example.pl opens "
                + received.conversation().reference() + ", assigned to " + agent.name() + "; first response due "
                + TIME.format(received.conversation()
                        .sla()
                        .target(Milestone.FIRST_RESPONSE)
                        .dueAt()));

        TimeFixture.at(clock)
                .everyTick(Duration.ofMinutes(15), runtime::runDue)
                .whenTimeReaches(Instant.parse("2026-12-03T10:00:00Z"));
        tasks(out, crm, agent);
        tasks(out, crm, lead);
        out.println("Case now assigned to: "
                + crm.access()
                        .user(crm.serviceDesk()
                                .findCase(received.serviceCase().id())
                                .orElseThrow()
                                .assignee())
                        .name());

        service.reply(received.serviceCase().id(), ServiceChannel.EMAIL, "Wysyłamy nową pokrywkę jeszcze dziś.");
        service.resolve(received.serviceCase().id(), "Nowa pokrywka wysłana");
        runtime.runDue(clock.instant());
        service.recordSurvey(
                received.serviceCase().id(), new SurveyAnswer(4, 9, "Szybko, choć po terminie", clock.instant()));

        SlaComplianceReport report =
                service.compliance(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        report.teams()
                .forEach(team -> out.printf(
                        Locale.ROOT,
                        "December compliance of %s: %d case, first responses met %d / missed %d, resolutions met %d / missed"
                                + " %d, CSAT %.1f, NPS %.0f%n",
                        team.team(),
                        team.cases(),
                        team.firstResponsesMet(),
                        team.firstResponsesMissed(),
                        team.resolutionsMet(),
                        team.resolutionsMissed(),
                        team.averageCsat().orElse(0),
                        team.netPromoterScore().orElse(0)));
    }

    private static void tasks(PrintStream out, Crm crm, User user) {
        crm.activities()
                .tasksOf(user.id(), Set.of(TaskStatus.OPEN), PageRequest.first(10))
                .items()
                .forEach(task -> out.println("Task for " + user.name() + ": " + task.subject()));
    }

    private static Contact customer(
            Crm crm,
            UserId owner,
            String first,
            String last,
            String country,
            String zone,
            String language,
            String email,
            int birthMonth,
            int birthDay) {
        // month 0: no birthday known
        LocalDate birthday = birthMonth == 0 ? null : LocalDate.of(1985, birthMonth, birthDay);
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, last), owner)
                        .withDetails(new ContactDetails(Locale.forLanguageTag(language), birthday, ZoneId.of(zone)))
                        .withEmail(EmailAddress.of(email), ContactPointType.HOME)
                        .withAddress(
                                PostalAddress.of("Main Street 1", "1000", "Town", country), ContactPointType.HOME));
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "newsletter form");
        return crm.parties().tag(contact.id(), "greetings");
    }

    private static String line(Instant at, Message message) {
        return TIME.format(at) + "  EMAIL to " + message.address() + "  " + message.subject()
                + message.madeOffer()
                        .map(offer -> "  [" + offer.explanation() + "]")
                        .orElse("");
    }
}
