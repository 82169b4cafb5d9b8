package org.crmkit.persistence.jpa;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.RetryPolicy;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.crmkit.workflow.dunning.NoticeRenderer;

/**
 * Dunning on application instances that share one database: each node has a {@link JpaStorage} of its own over
 * the same entity manager factory, its own crmkit, workflow runtime and {@link Dunning}, as separate processes
 * would; what the nodes deliver lands in one shared record, so that a test can see whether anything went out
 * twice. The policy is the ladder of the product description (reminders at +7 and +21, a call at +35, the lawyer
 * at +60 with a letter and a credit hold). Runs are at 08:00 UTC. {@link WorkflowNodes} has the helpers every
 * workflow's nodes share.
 */
final class DunningNodes implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);

    /** Something a node handed to a channel or to the lawyer, with the day of the run and the account it is about. */
    record Delivery(String key, long day, String kind, AccountId account) {}

    /** One application instance. */
    record Node(JpaStorage storage, Crm crm, WorkflowRuntime runtime, Dunning dunning) {}

    final SettableClock clock = SettableClock.at(START);
    final UserId owner = UserId.next(new IdGenerator(clock));
    final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    /** Runs in every channel call before it succeeds, on the delivering thread; throwing fails the call. */
    volatile Consumer<Delivery> channelCall = delivery -> {};

    final List<Node> nodes = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private int invoiceNumber;

    /** {@code count} nodes on the database, which is emptied first. */
    DunningNodes(TestDatabase database, int count) {
        this(database, count, null);
    }

    /** {@code count} nodes on the database, which is emptied first, rendering notices with {@code renderer}. */
    DunningNodes(TestDatabase database, int count, NoticeRenderer renderer) {
        nodes.add(node(database.storage(clock), renderer));
        for (int i = 1; i < count; i++) {
            nodes.add(node(
                    JpaStorage.builder(database.entityManagerFactory())
                            .clock(clock)
                            .build(),
                    renderer));
        }
    }

    static DunningPolicy ladder() {
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
                .level(DunningLevel.daysAfterDue(60).legalHandOff().creditHold().notice(Channel.LETTER))
                .build();
    }

    private Node node(JpaStorage storage, NoticeRenderer renderer) {
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(JpaWorkflowStore.create(storage))
                .channel(
                        Channel.EMAIL,
                        (key, message) ->
                                deliver(delivery(key, "email", message.about().id())))
                .channel(
                        Channel.LETTER,
                        (key, message) ->
                                deliver(delivery(key, "letter", message.about().id())))
                .retryPolicy(RetryPolicy.exponential(3, Duration.ofHours(1), Duration.ofDays(1)))
                .build();
        Dunning.Builder builder = Dunning.builder(runtime)
                .cases(JpaDunningCaseStore.create(storage))
                .policy(ladder())
                .legalHandOff((key, dossier) ->
                        deliver(delivery(key, "lawyer", dossier.account().value())));
        Dunning dunning = (renderer == null ? builder : builder.renderer(renderer)).build();
        return new Node(storage, crm, runtime, dunning);
    }

    private void deliver(Delivery delivery) {
        channelCall.accept(delivery);
        deliveries.add(delivery);
    }

    private Delivery delivery(String key, String kind, java.util.UUID account) {
        return new Delivery(key, day(), kind, AccountId.of(account));
    }

    Node first() {
        return nodes.get(0);
    }

    /** Days since the first day. */
    long day() {
        return ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    Account customer(String name) {
        return first().crm()
                .parties()
                .registerAccount(NewAccount.of(name, owner)
                        .withEmail(
                                EmailAddress.of(name.toLowerCase().replace(' ', '.') + "@example.com"),
                                ContactPointType.BILLING)
                        .withAddress(
                                PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.BILLING));
    }

    /** An invoice of {@code gross} EUR that fell due {@code daysOverdue} days ago (negative: falls due later). */
    Invoice invoice(AccountId account, String gross, int daysOverdue) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate due = today.minusDays(daysOverdue);
        return first().crm()
                .billing()
                .issueInvoice(new NewInvoice(
                        "INV-" + (++invoiceNumber),
                        account,
                        due.isBefore(today) ? due.minusDays(14) : today,
                        due,
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of("Services", BigDecimal.ONE, Money.of(gross, "EUR"), BigDecimal.ZERO))));
    }

    /** {@code count} customers ("Customer 0", "Customer 1", ...), each with an invoice of 1,000 EUR 10 days overdue. */
    List<Account> overdueCustomers(int count) {
        List<Account> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account customer = customer("Customer " + i);
            invoice(customer.id(), "1000.00", 10);
            customers.add(customer);
        }
        return customers;
    }

    /** The customer pays the whole balance of the invoice today, recorded through the first node. */
    void pays(Invoice invoice) {
        Money amount =
                first().crm().billing().invoice(invoice.id()).orElseThrow().balanceDue();
        first().crm()
                .billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        amount,
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                        PaymentMethod.BANK_TRANSFER,
                        "PAY-" + invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), amount))));
    }

    /**
     * Every node calls {@code runDue} for the same instant at the same moment (released together by a barrier);
     * returns their reports. A run that throws fails the call.
     */
    List<RunReport> runTogether(Instant asOf) throws Exception {
        return WorkflowNodes.runTogether(
                threads, nodes.stream().map(Node::runtime).toList(), asOf);
    }

    /** Moves the clock to 08:00 of {@code day} days after the first day. */
    Instant morningOf(int day) {
        clock.set(START.plus(Duration.ofDays(day)));
        return clock.instant();
    }

    List<Delivery> deliveriesTo(AccountId account) {
        synchronized (deliveries) {
            return deliveries.stream().filter(d -> d.account().equals(account)).toList();
        }
    }

    /**
     * What dunning did to the account, in order: "day 7: email", "day 35: call" (a call-queue task created that
     * day), "day 60: lawyer", ...
     */
    List<String> outcomeFor(AccountId account) {
        List<String> outcome = new ArrayList<>();
        deliveriesTo(account).forEach(d -> outcome.add("day " + d.day() + ": " + d.kind()));
        first().crm()
                .activities()
                .tasksLinkedTo(RecordRef.account(account), PageRequest.first(100))
                .items()
                .forEach(task -> outcome.add("day " + ChronoUnit.DAYS.between(START, task.createdAt()) + ": call"));
        outcome.sort(Comparator.comparingInt((String line) -> Integer.parseInt(line.split("[ :]")[1]))
                .thenComparing(line -> line));
        return outcome;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
