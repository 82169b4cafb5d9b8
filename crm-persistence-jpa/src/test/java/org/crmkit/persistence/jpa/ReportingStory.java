package org.crmkit.persistence.jpa;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewLineItem;
import org.crmkit.core.NewPayment;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.ActivityOutcome;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.testkit.SettableClock;

/**
 * Records of every kind the reporting views show, made through crmkit's API, with the values a view must get right:
 * several contact points of which a later one is primary, a postal address of two lines, text with quotes,
 * backslashes, line breaks and non-ASCII letters, invoice lines at two tax rates whose nets round half-even, a
 * partly paid overdue invoice, a zero-decimal currency, a probability override, a won and a lost deal.
 */
final class ReportingStory {

    private ReportingStory() {}

    static void tell(Crm crm, SettableClock clock) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());

        User ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of(Role.SALES));
        Territory dach = crm.access().defineTerritory("DACH", 10, List.of(TerritoryRule.country("DE")));
        Account acme = crm.parties()
                .registerAccount(NewAccount.of("ACME \"Pressen\" GmbH & Co. KG", ada.id())
                        .withDetails(new AccountDetails("ACME Pressen GmbH", "Machinery", null, "DE123456789"))
                        .withEmail(EmailAddress.of("info@acme.example"), ContactPointType.WORK)
                        .withPhone(PhoneNumber.parse("+49 30 1234567"), ContactPointType.WORK)
                        .withAddress(
                                new PostalAddress(
                                        List.of("Hauptstraße 5", "Hof 2\\Tor \"B\""),
                                        "10115",
                                        "Berlin",
                                        null,
                                        org.crmkit.core.common.CountryCode.of("DE")),
                                ContactPointType.WORK)
                        .withTerritory(dach.id())
                        .withCustomerSince(today.minusYears(3)));
        crm.parties().addEmail(acme.id(), EmailAddress.of("billing@acme.example"), ContactPointType.WORK);
        crm.parties().makePrimaryEmail(acme.id(), EmailAddress.of("billing@acme.example"));
        Account solo = crm.parties().registerAccount(NewAccount.of("Solo Ltd", ada.id()));

        Contact kim = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Bergström"), ada.id())
                        .withEmail(EmailAddress.of("kim.berg@acme.example"), ContactPointType.WORK)
                        .withEmail(EmailAddress.of("kim@home.example"), ContactPointType.HOME)
                        .withPhone(PhoneNumber.parse("+49 170 7654321"), ContactPointType.MOBILE)
                        .withAddress(
                                PostalAddress.of("Line one\nLine two", "80331", "München", "DE"), ContactPointType.HOME)
                        .withTerritory(dach.id()));
        crm.parties().makePrimaryEmail(kim.id(), EmailAddress.of("kim@home.example"));
        crm.parties().linkContactToAccount(kim.id(), acme.id(), "Head of Purchasing", true, today.minusYears(2), null);
        Contact jo = crm.parties().registerContact(NewContact.of(PersonName.of("Jo", "Ray"), ada.id()));

        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Questions on \"delivery\"", now)
                        .aboutContact(kim.id())
                        .aboutAccount(acme.id())
                        .withOutcome(ActivityOutcome.CONNECTED));
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.NOTE, null, "Met at the fair", now.minus(Duration.ofDays(3)))
                        .aboutContact(jo.id()));
        Task call = crm.activities()
                .createTask(NewTask.of("Call Kim about the quote", now.plus(Duration.ofDays(3)), ada.id())
                        .linkedTo(RecordRef.account(acme.id())));
        crm.activities().start(call.id());
        Task done = crm.activities()
                .createTask(NewTask.of("Send the brochure", now.plus(Duration.ofDays(1)), ada.id())
                        .linkedTo(RecordRef.contact(jo.id())));
        crm.activities().complete(done.id());

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
        crm.campaigns().addMembers(fair.id(), List.of(RecordRef.contact(kim.id()), RecordRef.contact(jo.id())));
        crm.campaigns().activate(fair.id());
        crm.campaigns().recordMemberStatus(fair.id(), RecordRef.contact(kim.id()), CampaignMemberStatus.RESPONDED);

        Pipeline pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.open("Propose", 40, ForecastCategory.BEST_CASE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        Opportunity presses = crm.sales()
                .openOpportunity(
                        NewOpportunity.of("Two presses", acme.id(), pipeline.id(), Money.currency("EUR"), ada.id()));
        crm.sales().addLineItem(presses.id(), NewLineItem.of("PRESS-200", "2", Money.of("48000.00", "EUR"), "5"));
        crm.sales().moveToStage(presses.id(), pipeline.stages().get(1).id());
        crm.sales().setExpectedCloseDate(presses.id(), today.plusDays(30));
        Opportunity service = crm.sales()
                .openOpportunity(
                        NewOpportunity.of("Service", acme.id(), pipeline.id(), Money.currency("EUR"), ada.id()));
        crm.sales().setAmount(service.id(), Money.of("1200.00", "EUR"));
        crm.sales().overrideProbability(service.id(), 75);
        Opportunity won = crm.sales()
                .openOpportunity(
                        NewOpportunity.of("Spare parts", solo.id(), pipeline.id(), Money.currency("JPY"), ada.id()));
        crm.sales().setAmount(won.id(), Money.of("150000", "JPY"));
        crm.sales().markWon(won.id(), "price");
        Opportunity lost = crm.sales()
                .openOpportunity(
                        NewOpportunity.of("Robot arm", solo.id(), pipeline.id(), Money.currency("EUR"), ada.id()));
        crm.sales().markLost(lost.id(), "price", "Initech");

        Invoice overdue = crm.billing()
                .issueInvoice(new NewInvoice(
                        "2026-0042",
                        acme.id(),
                        today.minusDays(40),
                        today.minusDays(10),
                        Money.currency("EUR"),
                        List.of(
                                InvoiceLine.of("Service contract", "1", Money.of("1800.00", "EUR"), "19"),
                                InvoiceLine.of("Oil, 3 l at 4.165", "3", Money.of("4.165", "EUR"), "7"),
                                InvoiceLine.of("Filter", "1", Money.of("0.05", "EUR"), "7"))));
        crm.billing()
                .recordPayment(new NewPayment(
                        acme.id(),
                        Money.of("1000.00", "EUR"),
                        today,
                        PaymentMethod.BANK_TRANSFER,
                        "ACME remittance 7781",
                        List.of(NewPayment.Allocation.of(overdue.id(), Money.of("1000.00", "EUR")))));
        crm.billing()
                .issueInvoice(new NewInvoice(
                        "2026-0043",
                        solo.id(),
                        today,
                        today.plusDays(30),
                        Money.currency("JPY"),
                        List.of(InvoiceLine.of("Parts", "7", Money.of("1333", "JPY"), "10"))));
        crm.billing()
                .draftInvoice(new NewInvoice(
                        "2026-0044",
                        solo.id(),
                        today,
                        today.plusDays(30),
                        Money.currency("EUR"),
                        List.of(InvoiceLine.of("Draft", "1", Money.of("10.00", "EUR"), "0"))));
        crm.billing()
                .recordPayment(
                        new NewPayment(solo.id(), Money.of("500", "JPY"), today, PaymentMethod.CASH, null, List.of()));
    }
}
