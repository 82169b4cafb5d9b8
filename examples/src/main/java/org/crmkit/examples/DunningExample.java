package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.Dossier;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.InMemoryDunningCaseStore;
import org.crmkit.workflow.dunning.InterestMode;
import org.crmkit.workflow.dunning.InterestRule;
import org.crmkit.workflow.dunning.ReferenceRates;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;

/**
 * Dunning over 120 simulated days for five customers, in memory and in well under a second: one pays on time, one
 * after the first reminder, one partially, one disputes an invoice, one never pays. Prints the day-by-day log of what
 * was sent to whom, the call queue at the end, and the lawyer's dossier.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -Pdemo -DskipTests package -Ddemo.main=org.crmkit.examples.DunningExample}
 */
public final class DunningExample {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private DunningExample() {}

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        SettableClock clock = SettableClock.at(START);
        InMemoryStorage storage = InMemoryStorage.create(clock);
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .channel(
                        Channel.EMAIL,
                        (key, message) -> out.printf(
                                "%s  EMAIL   to %-28s %s%n", day(clock), message.address(), message.subject()))
                .channel(
                        Channel.LETTER,
                        (key, message) -> out.printf(
                                "%s  LETTER  to %-28s %s%n", day(clock), message.address(), message.subject()))
                .build();

        IdGenerator ids = new IdGenerator(clock);
        UserId collections = UserId.next(ids);
        ReferenceRates rates = ReferenceRates.builder()
                .halfYear(LocalDate.of(2026, 1, 1), "1.27") // an example figure: use the published rate
                .halfYear(LocalDate.of(2026, 7, 1), "1.27")
                .build();
        DunningPolicy b2b = DunningPolicy.builder("b2b")
                .currency("EUR")
                .interest(InterestRule.of(InterestMode.B2B_GERMANY, rates))
                .level(DunningLevel.daysAfterDue(7)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(21)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .fee("5.00")
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(35).callTask(collections, 2).minimumOverdueBalance("100.00"))
                .level(DunningLevel.daysAfterDue(60).legalHandOff().creditHold().notice(Channel.LETTER))
                .build();
        List<Dossier> dossiers = new java.util.ArrayList<>();
        Dunning dunning = Dunning.builder(runtime)
                .cases(InMemoryDunningCaseStore.create(storage))
                .policy(b2b)
                .legalHandOff((key, dossier) -> {
                    out.printf(
                            "%s  LAWYER  case of %s handed over, claim %s%n",
                            day(clock), dossier.accountName(), dossier.claim().total());
                    dossiers.add(dossier);
                })
                .build();

        UserId owner = UserId.next(ids);
        Account anders = customer(crm, owner, "Anders Logistik");
        Account berger = customer(crm, owner, "Berger Bau");
        Account claussen = customer(crm, owner, "Claussen Druck");
        Account dietz = customer(crm, owner, "Dietz Medien");
        Account engel = customer(crm, owner, "Engel Handel");
        Invoice andersInvoice = invoice(crm, anders, "2026-001", "1200.00", clock);
        Invoice bergerInvoice = invoice(crm, berger, "2026-002", "800.00", clock);
        Invoice claussenInvoice = invoice(crm, claussen, "2026-003", "1500.00", clock);
        Invoice dietzDisputed = invoice(crm, dietz, "2026-004", "900.00", clock);
        Invoice dietzOther = invoice(crm, dietz, "2026-005", "300.00", clock);
        invoice(crm, engel, "2026-006", "2400.00", clock);

        Map<Integer, Runnable> customers = new HashMap<>();
        customers.put(9, () -> pay(crm, out, clock, andersInvoice, "1200.00"));
        customers.put(20, () -> pay(crm, out, clock, bergerInvoice, "800.00"));
        customers.put(25, () -> pay(crm, out, clock, claussenInvoice, "600.00"));
        customers.put(12, () -> {
            out.printf(
                    "%s  Dietz Medien disputes invoice %s: delivery incomplete%n", day(clock), dietzDisputed.number());
            dunning.dispute(dietzDisputed.id(), "delivery incomplete");
        });
        customers.put(33, () -> pay(crm, out, clock, dietzOther, "300.00"));
        customers.put(50, () -> {
            out.printf(
                    "%s  Dispute of %s settled by a credit note of EUR 900.00%n", day(clock), dietzDisputed.number());
            crm.billing()
                    .issueCreditNote(new NewCreditNote(
                            "CN-2026-001",
                            dietz.id(),
                            dietzDisputed.id(),
                            Money.of("900.00", "EUR"),
                            today(clock),
                            "incomplete delivery"));
            dunning.resolveDispute(dietzDisputed.id());
        });

        out.println("Invoices issued " + today(clock) + ", due in 10 days; dunning runs every morning at 08:00.");
        TimeFixture.at(clock)
                .everyTick(Duration.ofDays(1), now -> {
                    Runnable action = customers.get((int) ChronoUnit.DAYS.between(START, now));
                    if (action != null) {
                        action.run();
                    }
                    runtime.runDue(now);
                })
                .whenTimeElapses(Duration.ofDays(120));

        out.println();
        out.println("Cases after 120 days:");
        for (Account account : List.of(anders, berger, claussen, dietz, engel)) {
            List<DunningCase> cases = dunning.casesOf(account.id());
            out.printf(
                    "  %-16s %s%n",
                    account.name(),
                    cases.isEmpty()
                            ? "never dunned"
                            : describe(cases.get(0))
                                    + (crm.parties().account(account.id()).isOnCreditHold() ? ", on credit hold" : ""));
        }
        out.println();
        out.println("Call queue of the collections desk:");
        for (Task task : crm.activities()
                .tasksOf(collections, Set.of(), PageRequest.first(20))
                .items()) {
            out.printf(
                    "  %s  %s  (%s)%n",
                    LocalDate.ofInstant(task.dueAt(), ZoneOffset.UTC), task.subject(), task.status());
        }
        for (Dossier dossier : dossiers) {
            out.println();
            out.println("Lawyer's dossier: " + dossier.accountName() + ", prepared " + dossier.preparedOn());
            dossier.invoices()
                    .forEach(i -> out.printf(
                            "  invoice %s issued %s due %s: total %s, open %s, level %d%n",
                            i.number(), i.issueDate(), i.dueDate(), i.total(), i.balance(), i.level()));
            for (CaseEvent notice : dossier.notices()) {
                out.printf(
                        "  %s  %s level %d%s%n",
                        notice.on(),
                        notice.kind(),
                        notice.level(),
                        notice.channel() == null ? "" : " by " + notice.channel());
            }
            dossier.payments().forEach(p -> out.printf("  payment %s: %s%n", p.receivedOn(), p.amount()));
            dossier.contacts().forEach(c -> out.printf("  contact %s, %s, %s%n", c.name(), c.email(), c.address()));
            out.printf(
                    "  claim on %s: %s%n",
                    dossier.claim().asOf(), dossier.claim().summary());
        }
    }

    private static String describe(DunningCase dunningCase) {
        return (dunningCase.isOpen()
                        ? "open at level " + dunningCase.topLevel()
                        : "closed on " + dunningCase.closedOn() + " at level " + dunningCase.topLevel())
                + ", fees "
                + dunningCase.fees();
    }

    private static Account customer(Crm crm, UserId owner, String name) {
        String domain = name.toLowerCase().replace(' ', '-') + ".example";
        return crm.parties()
                .registerAccount(NewAccount.of(name, owner)
                        .withEmail(EmailAddress.of("ap@" + domain), ContactPointType.BILLING)
                        .withAddress(
                                PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.BILLING));
    }

    private static Invoice invoice(Crm crm, Account account, String number, String amount, SettableClock clock) {
        return crm.billing()
                .issueInvoice(new NewInvoice(
                        number,
                        account.id(),
                        today(clock),
                        today(clock).plusDays(10),
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of("Services", BigDecimal.ONE, Money.of(amount, "EUR"), BigDecimal.ZERO))));
    }

    private static void pay(Crm crm, PrintStream out, SettableClock clock, Invoice invoice, String amount) {
        Money paid = Money.of(amount, "EUR");
        out.printf("%s  payment of %s on %s%n", day(clock), paid, invoice.number());
        crm.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        paid,
                        today(clock),
                        PaymentMethod.BANK_TRANSFER,
                        "BANK-" + invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), paid))));
    }

    private static LocalDate today(SettableClock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String day(SettableClock clock) {
        return String.format("day %3d %s", ChronoUnit.DAYS.between(START, clock.instant()), today(clock));
    }
}
