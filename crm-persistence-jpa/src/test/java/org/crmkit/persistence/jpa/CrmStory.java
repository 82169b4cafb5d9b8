package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.ConvertLead;
import org.crmkit.core.Crm;
import org.crmkit.core.LeadCapture;
import org.crmkit.core.LeadConversionResult;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewLineItem;
import org.crmkit.core.NewPayment;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * A Crm built on {@link JpaStorage}, told one business story through every service (and so through every storage
 * port), must end exactly as the same story on the in-memory storage, and hand the host the same events. Subclasses
 * supply the database.
 */
abstract class CrmStory {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    abstract TestDatabase database();

    @Test
    void aWholeCustomerStoryEndsOnTheDatabaseAsInMemory() {
        Told inMemory = tell(InMemoryStorage.create(), SettableClock.at(START));
        SettableClock clock = SettableClock.at(START);
        Told onDatabase = tell(database().storage(clock), clock);

        assertThat(onDatabase.facts()).containsExactlyElementsOf(inMemory.facts());
        assertThat(onDatabase.events()).containsExactlyElementsOf(inMemory.events());
        assertThat(onDatabase.facts())
                .contains(
                        "timeline of ACME: CALL Questions on delivery time, EMAIL Quote for two presses, MEETING Plant visit",
                        "open cases of Ada: Press leaks oil",
                        "invoice 2026-0042: PARTIALLY_PAID, balance due EUR 1023.10",
                        "overdue: 2026-0042",
                        "capture of Sam Lee: LEAD by COMPANY_NAME initech",
                        "timeline of Jo Ray: NOTE Converted from lead, CALL Asked for a demo",
                        "tasks of Jo Ray: Send Jo the demo video DONE, Book the demo with Jo OPEN");
    }

    private record Told(List<String> facts, List<String> events) {}

    private static Told tell(Storage storage, SettableClock clock) {
        List<String> events = new ArrayList<>();
        EventListener host =
                (OutboxEntry entry) -> events.add(entry.event().getClass().getSimpleName());
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TenantId.of("tenant-a"))
                .eventListener(host)
                .build();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());

        User ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of(Role.SALES));
        Account acme = crm.parties()
                .registerAccount(NewAccount.of("ACME", ada.id())
                        .withEmail(EmailAddress.of("info@acme.example"), ContactPointType.WORK));
        Contact kim = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Berg"), ada.id())
                        .withEmail(EmailAddress.of("kim.berg@acme.example"), ContactPointType.WORK));
        crm.parties().linkContactToAccount(kim.id(), acme.id(), "Head of Purchasing", true, today.minusYears(2), null);
        crm.parties().tag(kim.id(), "VIP");

        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.MEETING, Direction.OUTBOUND, "Plant visit", now.minus(Duration.ofDays(9)))
                        .aboutContact(kim.id())
                        .aboutAccount(acme.id()));
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.EMAIL,
                                Direction.OUTBOUND,
                                "Quote for two presses",
                                now.minus(Duration.ofDays(6)))
                        .aboutContact(kim.id())
                        .aboutAccount(acme.id()));
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL,
                                Direction.INBOUND,
                                "Questions on delivery time",
                                now.minus(Duration.ofDays(2)))
                        .aboutAccount(acme.id()));
        Task followUp = crm.activities()
                .createTask(NewTask.of("Call Kim about the quote", now.plus(Duration.ofDays(3)), ada.id())
                        .linkedTo(RecordRef.account(acme.id())));
        crm.activities().start(followUp.id());

        ServiceCase leak = crm.serviceDesk()
                .openCase(NewCase.of(
                        acme.id(),
                        kim.id(),
                        "Press leaks oil",
                        CaseChannel.PHONE,
                        CaseCategory.of("repair"),
                        CasePriority.HIGH));
        crm.serviceDesk().assign(leak.id(), ada.id());

        Campaign fair = crm.campaigns()
                .plan(NewCampaign.of(
                        "Trade fair",
                        CampaignType.EVENT,
                        CampaignPeriod.of(today, today.plusDays(3)),
                        Money.of("5000.00", "EUR")));
        crm.campaigns().addMembers(fair.id(), List.of(RecordRef.contact(kim.id())));
        crm.campaigns().activate(fair.id());
        crm.leads()
                .capture(new NewLead(
                        new LeadDetails(
                                "Jo",
                                "Ray",
                                "Initech",
                                null,
                                EmailAddress.of("jo@initech.example"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("trade-fair"),
                        fair.id(),
                        null));
        LeadCapture sam = crm.leads()
                .capture(new NewLead(
                        new LeadDetails(
                                "Sam",
                                "Lee",
                                "INITECH",
                                null,
                                EmailAddress.of("sam@initech.example"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("web"),
                        null,
                        null));
        Lead jo = crm.leads()
                .leadsWithEmail(EmailAddress.of("jo@initech.example"))
                .get(0);
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL, Direction.INBOUND, "Asked for a demo", now.minus(Duration.ofDays(1)))
                        .regarding(RecordRef.lead(jo.id())));
        Task demoVideo = crm.activities()
                .createTask(NewTask.of("Send Jo the demo video", now.plus(Duration.ofDays(2)), ada.id())
                        .linkedTo(RecordRef.lead(jo.id())));
        crm.activities().complete(demoVideo.id());
        crm.activities()
                .createTask(NewTask.of("Book the demo with Jo", now.plus(Duration.ofDays(4)), ada.id())
                        .linkedTo(RecordRef.lead(jo.id())));
        crm.leads().assign(jo.id(), ada.id());
        crm.leads().qualify(jo.id());
        Contact joRay = ((LeadConversionResult.Converted)
                        crm.leads().convert(jo.id(), new ConvertLead(null, null, null, null, false)))
                .contact();

        Pipeline pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.open("Propose", 40, ForecastCategory.BEST_CASE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        Opportunity deal = crm.sales()
                .openOpportunity(
                        NewOpportunity.of("Two presses", acme.id(), pipeline.id(), Money.currency("EUR"), ada.id()));
        crm.sales().addLineItem(deal.id(), NewLineItem.of("PRESS-200", "2", Money.of("48000.00", "EUR"), "5"));
        crm.sales().moveToStage(deal.id(), pipeline.stages().get(1).id());
        crm.forecasts()
                .setQuota(
                        QuotaHolder.user(ada.id()),
                        QuotaPeriod.month(YearMonth.from(today)),
                        Money.of("100000.00", "EUR"));

        Invoice invoice = crm.billing()
                .issueInvoice(new NewInvoice(
                        "2026-0042",
                        acme.id(),
                        today.minusDays(40),
                        today.minusDays(10),
                        Money.currency("EUR"),
                        List.of(InvoiceLine.of("Service contract", "1", Money.of("1800.00", "EUR"), "19"))));
        crm.billing()
                .recordPayment(new NewPayment(
                        acme.id(),
                        Money.of("1000.00", "EUR"),
                        today,
                        PaymentMethod.BANK_TRANSFER,
                        "ACME remittance 7781",
                        List.of(NewPayment.Allocation.of(invoice.id(), Money.of("1000.00", "EUR")))));
        crm.billing()
                .issueCreditNote(new NewCreditNote(
                        "CN-7", acme.id(), invoice.id(), Money.of("118.90", "EUR"), today, "Goodwill"));

        PageRequest page = PageRequest.first(20);
        List<String> facts = new ArrayList<>();
        facts.add("contacts by email: "
                + names(crm.parties().contactsByEmail(EmailAddress.of("KIM.BERG@acme.example")).stream()
                        .map(contact -> contact.name().fullName())
                        .toList()));
        facts.add("tagged VIP: "
                + names(crm.parties().contactsTagged("vip", page).items().stream()
                        .map(contact -> contact.name().fullName())
                        .toList()));
        facts.add("contacts of ACME: "
                + names(crm.parties().contactsOfAccount(acme.id(), page).items().stream()
                        .map(contact -> contact.name().fullName())
                        .toList()));
        facts.add("timeline of ACME: "
                + names(crm.activities().timeline(acme.id(), TimelineFilter.ALL, page).items().stream()
                        .map(activity -> activity.kind() + " " + activity.subject())
                        .toList()));
        facts.add("timeline of Kim: "
                + names(crm.activities().timeline(kim.id(), TimelineFilter.ALL, page).items().stream()
                        .map(activity -> activity.kind() + " " + activity.subject())
                        .toList()));
        facts.add("capture of Sam Lee: "
                + names(((LeadCapture.PossibleDuplicates) sam)
                        .matches().stream()
                                .map(match -> match.record().type() + " by " + match.reason() + " " + match.value())
                                .toList()));
        facts.add("timeline of Jo Ray: "
                + names(crm.activities().timeline(joRay.id(), TimelineFilter.ALL, page).items().stream()
                        .map(activity -> activity.kind() + " " + activity.subject())
                        .toList()));
        facts.add("tasks of Jo Ray: "
                + names(crm.activities().tasksLinkedTo(RecordRef.contact(joRay.id()), page).items().stream()
                        .map(task -> task.subject() + " " + task.status())
                        .toList()));
        facts.add("task: "
                + crm.activities().findTask(followUp.id()).orElseThrow().status());
        facts.add("open cases of Ada: "
                + names(crm.serviceDesk().openCasesOf(ada.id(), page).items().stream()
                        .map(ServiceCase::subject)
                        .toList()));
        facts.add("cases breaching SLA in a week: "
                + crm.serviceDesk()
                        .breachingSla(now.plus(Duration.ofDays(7)), page)
                        .totalElements());
        facts.add("campaigns of Kim: "
                + names(crm.campaigns().campaignsOf(RecordRef.contact(kim.id()), page).items().stream()
                        .map(Campaign::name)
                        .toList()));
        facts.add("active campaigns: "
                + names(crm.campaigns().activeOn(today, page).items().stream()
                        .map(Campaign::name)
                        .toList()));
        facts.add("new leads: "
                + names(crm.leads().leadsIn(LeadStatus.NEW, page).items().stream()
                        .map(lead -> lead.details().lastName() + " from "
                                + lead.source().value())
                        .toList()));
        facts.add("pipelines: "
                + names(crm.pipelines().pipelines().stream().map(Pipeline::name).toList()));
        Opportunity stored = crm.sales().opportunity(deal.id()).orElseThrow();
        facts.add("deal: " + stored.amount() + " in "
                + pipeline.requireStage(stored.stage()).name() + ", open in pipeline "
                + crm.sales().openOpportunities(pipeline.id(), page).totalElements());
        facts.add("quota of Ada this month: "
                + crm.forecasts()
                        .quota(QuotaHolder.user(ada.id()), QuotaPeriod.month(YearMonth.from(today)))
                        .orElseThrow()
                        .amount()
                + ", quotas this year: "
                + crm.forecasts()
                        .quotasOverlapping(QuotaPeriod.year(today.getYear()))
                        .size());
        Invoice billed = crm.billing().invoiceByNumber("2026-0042").orElseThrow();
        facts.add("invoice " + billed.number() + ": " + billed.status() + ", balance due " + billed.balanceDue());
        facts.add("overdue: "
                + names(crm.billing().overdueInvoices(today, page).items().stream()
                        .map(Invoice::number)
                        .toList()));
        facts.add(
                "payments of ACME: " + crm.billing().paymentsOf(acme.id(), page).totalElements() + ", credit notes: "
                        + crm.billing().creditNotesOf(acme.id(), page).totalElements());
        return new Told(facts, events);
    }

    private static String names(List<String> names) {
        return String.join(", ", names);
    }
}
