package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
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
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.ActivityOutcome;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;

/**
 * A small CRM in memory, start to finish: a sales user, an account with two contacts and their consent, a few
 * interactions, a follow-up task, an opportunity with line items moved one stage on, an invoice, a partial
 * payment, and the account's timeline.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.Quickstart}
 */
public final class Quickstart {

    private Quickstart() {}

    public static void main(String[] args) {
        run(
                Crm.builder()
                        .storage(InMemoryStorage.create())
                        .clock(Clock.systemUTC())
                        .build(),
                System.out);
    }

    static void run(Crm crm, PrintStream out) {
        Instant now = crm.clock().instant();
        LocalDate today = LocalDate.now(crm.clock());

        User ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of(Role.SALES));
        Account acme = crm.parties()
                .registerAccount(NewAccount.of("ACME Maschinenbau GmbH", ada.id())
                        .withEmail(EmailAddress.of("info@acme.example"), ContactPointType.WORK)
                        .withAddress(
                                PostalAddress.of("Industriestr. 7", "70565", "Stuttgart", "DE"),
                                ContactPointType.BILLING));
        Contact kim = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Kim", "Berg"), ada.id())
                        .withEmail(EmailAddress.of("kim.berg@acme.example"), ContactPointType.WORK)
                        .withPhone(PhoneNumber.parse("0711 1234567", "DE"), ContactPointType.WORK));
        Contact lou = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Lou", "Meyer"), ada.id())
                        .withEmail(EmailAddress.of("lou.meyer@acme.example"), ContactPointType.WORK));
        crm.parties().linkContactToAccount(kim.id(), acme.id(), "Head of Purchasing", true, today.minusYears(2), null);
        crm.parties().linkContactToAccount(lou.id(), acme.id(), "Plant Engineer", false, today.minusYears(1), null);
        crm.parties().grantConsent(kim.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "trade-fair form");
        crm.parties().grantConsent(lou.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "support portal");
        out.println("Registered " + acme.name() + " with " + kim.name().fullName() + " and "
                + lou.name().fullName());
        out.println("  may e-mail Kim marketing: "
                + crm.parties().contact(kim.id()).mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)
                + ", Lou marketing: "
                + crm.parties().contact(lou.id()).mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING));

        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.MEETING, Direction.OUTBOUND, "Plant visit", now.minus(Duration.ofDays(9)))
                        .aboutContact(kim.id())
                        .aboutContact(lou.id())
                        .aboutAccount(acme.id())
                        .withDuration(Duration.ofMinutes(90))
                        .withOutcome(ActivityOutcome.COMPLETED));
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.EMAIL,
                                Direction.OUTBOUND,
                                "Quote for two presses",
                                now.minus(Duration.ofDays(6)))
                        .aboutContact(kim.id())
                        .aboutAccount(acme.id())
                        .withOutcome(ActivityOutcome.SENT));
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL,
                                Direction.INBOUND,
                                "Questions on delivery time",
                                now.minus(Duration.ofDays(2)))
                        .aboutContact(kim.id())
                        .aboutAccount(acme.id())
                        .withDuration(Duration.ofMinutes(12))
                        .withOutcome(ActivityOutcome.CONNECTED));
        Task followUp = crm.activities()
                .createTask(NewTask.of("Call Kim about the quote", now.plus(Duration.ofDays(3)), ada.id())
                        .withPriority(TaskPriority.HIGH)
                        .linkedTo(RecordRef.account(acme.id())));
        out.println("Task for " + ada.name() + ": " + followUp.subject() + " (due "
                + followUp.dueAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + ")");

        Pipeline pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.open("Propose", 40, ForecastCategory.BEST_CASE),
                                NewStage.open("Negotiate", 70, ForecastCategory.COMMIT),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        Opportunity deal = crm.sales()
                .openOpportunity(NewOpportunity.of(
                        "Two presses for ACME", acme.id(), pipeline.id(), Money.currency("EUR"), ada.id()));
        deal = crm.sales().addLineItem(deal.id(), NewLineItem.of("PRESS-200", "2", Money.of("48000.00", "EUR"), "5"));
        deal = crm.sales().addLineItem(deal.id(), NewLineItem.of("INSTALL", "1", Money.of("3500.00", "EUR"), "0"));
        crm.sales().moveToStage(deal.id(), pipeline.stages().get(1).id());
        deal = crm.sales().opportunity(deal.id()).orElseThrow();
        out.println("Opportunity " + deal.name() + ": " + deal.amount() + " in stage "
                + pipeline.requireStage(deal.stage()).name());

        Invoice invoice = crm.billing()
                .issueInvoice(new NewInvoice(
                        "2026-0042",
                        acme.id(),
                        today.minusDays(40),
                        today.minusDays(10),
                        Money.currency("EUR"),
                        List.of(
                                InvoiceLine.of(
                                        "Service contract, first quarter", "1", Money.of("1800.00", "EUR"), "19"),
                                InvoiceLine.of("Spare parts", "4", Money.of("125.00", "EUR"), "19"))));
        out.println("Invoice " + invoice.number() + ": total " + invoice.total() + ", " + invoice.daysOverdue(today)
                + " days overdue");
        crm.billing()
                .recordPayment(new NewPayment(
                        acme.id(),
                        Money.of("1000.00", "EUR"),
                        today,
                        PaymentMethod.BANK_TRANSFER,
                        "ACME remittance 7781",
                        List.of(NewPayment.Allocation.of(invoice.id(), Money.of("1000.00", "EUR")))));
        invoice = crm.billing().invoice(invoice.id()).orElseThrow();
        out.println("After a partial payment of EUR 1000.00: " + invoice.status() + ", balance due "
                + invoice.balanceDue());

        out.println("Timeline of " + acme.name() + ", newest first:");
        crm.activities()
                .timeline(acme.id(), TimelineFilter.ALL, PageRequest.first(10))
                .items()
                .forEach(activity -> out.println("  "
                        + LocalDate.ofInstant(activity.occurredAt(), crm.clock().getZone()) + "  " + activity.kind()
                        + "  " + activity.subject()));
    }
}
