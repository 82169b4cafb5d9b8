package org.crmkit.workflow.dunning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.crmkit.workflow.action.RetryPolicy;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;

/**
 * A dunning test bed in memory: crmkit, the runtime with recording email and letter channels and a recording
 * lawyer, a daily run at 08:00 UTC driven by the testkit's time fixture, and helpers that speak the business.
 */
final class DunningScenario {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

    /** A message as the host's channel received it, with the day it went out. */
    record Sent(LocalDate on, Channel channel, String key, Message message) {}

    /** A dossier as the lawyer received it. */
    record HandedOver(LocalDate on, String key, Dossier dossier) {}

    final SettableClock clock = SettableClock.at(START);
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    /**
     * Whether the host's own event listener is down: it throws, so crmkit's events stay pending and reach no workflow
     * (the runtime hears them after the host's listener) until it is up again.
     */
    final AtomicBoolean hostListenerDown = new AtomicBoolean();

    final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .eventListener(entry -> {
                if (hostListenerDown.get()) {
                    throw new IllegalStateException("the host's event listener is down");
                }
            })
            .build();
    final IdGenerator ids = new IdGenerator(clock);
    final UserId clerk = UserId.next(ids);
    final UserId owner = UserId.next(ids);
    /** What the host's email and letter channels received, in the order received. */
    final RecordingChannel gateway = RecordingChannel.at(clock);

    final List<HandedOver> lawyer = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger emailFailuresLeft = new AtomicInteger();
    final WorkflowRuntime runtime;
    final Dunning dunning;
    final TimeFixture time;
    private int invoiceNumber;

    DunningScenario() {
        this(ladder().build());
    }

    DunningScenario(DunningPolicy... policies) {
        this(b -> b, policies);
    }

    DunningScenario(java.util.function.UnaryOperator<Dunning.Builder> configure, DunningPolicy... policies) {
        this(configure, scenario -> policies);
    }

    /** A scenario whose policies need its crmkit instance first (e.g. a team to call for). */
    DunningScenario(java.util.function.Function<DunningScenario, DunningPolicy[]> policies) {
        this(b -> b, policies);
    }

    private DunningScenario(
            java.util.function.UnaryOperator<Dunning.Builder> configure,
            java.util.function.Function<DunningScenario, DunningPolicy[]> policiesOf) {
        MessageChannel email = (key, message) -> {
            if (emailFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("SMTP 451 try again later");
            }
            gateway.send(key, message);
        };
        runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .channel(Channel.EMAIL, email)
                .channel(Channel.LETTER, gateway)
                .retryPolicy(RetryPolicy.exponential(3, Duration.ofHours(1), Duration.ofDays(1)))
                .build();
        Dunning.Builder builder = Dunning.builder(runtime)
                .cases(InMemoryDunningCaseStore.create(storage))
                .legalHandOff((key, dossier) -> lawyer.add(new HandedOver(today(), key, dossier)));
        for (DunningPolicy policy : policiesOf.apply(this)) {
            builder.policy(policy);
        }
        dunning = configure.apply(builder).build();
        time = TimeFixture.at(clock).everyTick(Duration.ofDays(1), runtime::runDue);
    }

    /** The ladder of the product description: reminders at +7 and +21, a call at +35, the lawyer at +60. */
    static DunningPolicy.Builder ladder() {
        return DunningPolicy.builder("standard")
                .currency("EUR")
                .level(DunningLevel.daysAfterDue(7)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(21)
                        .notice(Channel.EMAIL, Channel.LETTER)
                        .fee("5.00")
                        .paymentDeadline(7))
                .level(DunningLevel.daysAfterDue(35).callTaskForAccountOwner(2))
                .level(DunningLevel.daysAfterDue(60).legalHandOff().creditHold().notice(Channel.LETTER));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Days since the scenario started. */
    long day() {
        return java.time.temporal.ChronoUnit.DAYS.between(TODAY, today());
    }

    Account customer(String name) {
        return crm.parties()
                .registerAccount(NewAccount.of(name, owner)
                        .withEmail(
                                EmailAddress.of(name.toLowerCase().replace(' ', '.') + "@example.com"),
                                ContactPointType.BILLING)
                        .withAddress(
                                PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.BILLING));
    }

    Account customerWithoutEmail(String name) {
        return crm.parties()
                .registerAccount(NewAccount.of(name, owner)
                        .withAddress(
                                PostalAddress.of("Marktplatz 5", "80331", "München", "DE"), ContactPointType.BILLING));
    }

    /** An invoice of {@code gross} EUR (net plus 0 % tax), issued today, due in {@code dueInDays}. */
    Invoice invoice(AccountId account, String gross, int dueInDays) {
        LocalDate due = today().plusDays(dueInDays);
        return crm.billing()
                .issueInvoice(new NewInvoice(
                        "INV-" + (++invoiceNumber),
                        account,
                        due.isBefore(today()) ? due : today(),
                        due,
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of("Services", BigDecimal.ONE, Money.of(gross, "EUR"), BigDecimal.ZERO))));
    }

    void pays(Invoice invoice, String amount) {
        crm.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        Money.of(amount, "EUR"),
                        today(),
                        PaymentMethod.BANK_TRANSFER,
                        "PAY-" + invoice.number() + "-" + day(),
                        List.of(NewPayment.Allocation.of(invoice.id(), Money.of(amount, "EUR")))));
    }

    void credits(Invoice invoice, String amount) {
        crm.billing()
                .issueCreditNote(new NewCreditNote(
                        "CN-" + invoice.number() + "-" + day(),
                        invoice.account(),
                        invoice.id(),
                        Money.of(amount, "EUR"),
                        today(),
                        "goodwill"));
    }

    /** Elapses whole days, running dunning every morning. */
    DunningScenario days(int days) {
        time.whenTimeElapses(Duration.ofDays(days));
        return this;
    }

    /** Elapses days until {@code day} days after the start. */
    DunningScenario untilDay(int day) {
        time.whenTimeReaches(START.plus(Duration.ofDays(day)));
        return this;
    }

    /** Every message sent, in the order sent. */
    List<Sent> sent() {
        return gateway.sent().stream()
                .map(s -> new Sent(
                        LocalDate.ofInstant(s.at(), ZoneOffset.UTC), s.message().channel(), s.key(), s.message()))
                .toList();
    }

    List<Sent> sentTo(Account account) {
        return sent().stream()
                .filter(s -> s.message().about().id().equals(account.id().value()))
                .toList();
    }

    /** The days after the start on which something was sent to the account. */
    List<Long> sendingDays(Account account) {
        return sentTo(account).stream()
                .map(s -> java.time.temporal.ChronoUnit.DAYS.between(TODAY, s.on()))
                .toList();
    }
}
