package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.billing.AccountBalance;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceIssued;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.InvoicePaid;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentAllocated;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.billing.PaymentReceived;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Violation;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class BillingTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .eventListener(entry -> published.add(entry.event()))
            .build();
    final Billing billing = crm.billing();
    final AccountId account = StoredRecords.account(storage, clock);
    static final Currency EUR = Currency.getInstance("EUR");

    Invoice invoice(String number, String amount, LocalDate due) {
        return billing.issueInvoice(new NewInvoice(
                number,
                account,
                LocalDate.of(2026, 3, 1),
                due,
                EUR,
                List.of(InvoiceLine.of("Service", "1", Money.of(amount, "EUR"), "0"))));
    }

    Payment pay(String amount, NewPayment.Allocation... allocations) {
        return billing.recordPayment(new NewPayment(
                account,
                Money.of(amount, "EUR"),
                LocalDate.of(2026, 3, 10),
                PaymentMethod.BANK_TRANSFER,
                "REF",
                List.of(allocations)));
    }

    static NewPayment.Allocation allocate(Invoice invoice, String amount) {
        return NewPayment.Allocation.of(invoice.id(), Money.of(amount, "EUR"));
    }

    @Test
    void issuedInvoiceIsStoredAndAnnouncedAfterCommit() {
        Invoice invoice = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));

        assertThat(billing.invoiceByNumber("INV-1"))
                .get()
                .extracting(Invoice::id)
                .isEqualTo(invoice.id());
        assertThat(invoice.version()).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOf(InvoiceIssued.class);
    }

    @Test
    void invoicesAndPaymentsBuiltStepByStepAreThoseOfThePositionalConstructors() {
        InvoiceLine service = InvoiceLine.of("Service", "2", Money.of("450.00", "EUR"), "19");
        InvoiceLine travel = InvoiceLine.of("Travel", "1", Money.of("60.00", "EUR"), "19");
        NewInvoice built = NewInvoice.of("INV-7", account, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), EUR)
                .withLine(service)
                .withLine(travel);

        assertThat(built)
                .isEqualTo(new NewInvoice(
                        "INV-7",
                        account,
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 31),
                        EUR,
                        List.of(service, travel)));
        Invoice issued = billing.issueInvoice(built);
        assertThat(issued.total()).isEqualTo(Money.of("1142.40", "EUR"));

        NewPayment payment = NewPayment.of(
                        account, Money.of("1142.40", "EUR"), LocalDate.of(2026, 3, 10), PaymentMethod.BANK_TRANSFER)
                .withReference("Statement 114")
                .allocating(issued.id(), issued.total());
        assertThat(payment)
                .isEqualTo(new NewPayment(
                        account,
                        Money.of("1142.40", "EUR"),
                        LocalDate.of(2026, 3, 10),
                        PaymentMethod.BANK_TRANSFER,
                        "Statement 114",
                        List.of(allocate(issued, "1142.40"))));
        billing.recordPayment(payment);
        assertThat(billing.invoice(issued.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void anInvoiceBuiltWithoutLinesIsRefusedNamingTheLines() {
        NewInvoice empty = NewInvoice.of("INV-8", account, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), EUR);

        assertThatThrownBy(() -> billing.issueInvoice(empty))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("lines"));
        assertThat(billing.invoiceByNumber("INV-8")).isEmpty();
    }

    @Test
    void aDuplicateInvoiceOrCreditNoteNumberIsRefusedNamingTheNumber() {
        Invoice first = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        billing.issueCreditNote(new NewCreditNote(
                "CN-1", account, null, Money.of("5.00", "EUR"), LocalDate.of(2026, 3, 2), "goodwill"));

        assertThatThrownBy(() -> invoice(" INV-1 ", "5.00", LocalDate.of(2026, 3, 31)))
                .isInstanceOfSatisfying(
                        DuplicateRecordException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field, Violation::code)
                                .containsExactly(tuple("number", "CRM-0006")));
        assertThatThrownBy(() -> billing.issueCreditNote(new NewCreditNote(
                        "CN-1", account, first.id(), Money.of("5.00", "EUR"), LocalDate.of(2026, 3, 2), "goodwill")))
                .isInstanceOfSatisfying(
                        DuplicateRecordException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("number"));
        assertThat(billing.invoicesOf(account, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
        assertThat(billing.invoice(first.id()).orElseThrow().balanceDue()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void aDueDateBeforeTheIssueDateStoresNothing() {
        assertThatThrownBy(() -> invoice("INV-1", "100.00", LocalDate.of(2026, 2, 1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("dueDate"));
        assertThat(billing.invoiceByNumber("INV-1")).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void mixedCurrenciesStoreNothing() {
        NewInvoice mixed = new NewInvoice(
                "INV-1",
                account,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                EUR,
                List.of(
                        InvoiceLine.of("A", "1", Money.of("1", "EUR"), "0"),
                        InvoiceLine.of("B", "1", Money.of("1", "GBP"), "0")));

        assertThatThrownBy(() -> billing.issueInvoice(mixed))
                .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].unitPrice"));
        assertThat(billing.invoiceByNumber("INV-1")).isEmpty();
    }

    @Test
    void aPaymentSplitOverTwoInvoicesUpdatesBothBalancesTogether() {
        Invoice first = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        Invoice second = invoice("INV-2", "50.00", LocalDate.of(2026, 4, 30));

        Payment payment = pay("130.00", allocate(first, "100.00"), allocate(second, "20.00"));

        assertThat(billing.invoice(first.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        Invoice secondNow = billing.invoice(second.id()).orElseThrow();
        assertThat(secondNow.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(secondNow.balanceDue()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(billing.payment(payment.id()).orElseThrow().unallocated()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(published)
                .extracting(DomainEvent::eventType)
                .containsSubsequence("PaymentReceived", "PaymentAllocated", "PaymentAllocated");
        assertThat(published).filteredOn(InvoicePaid.class::isInstance).hasSize(1);
    }

    @Test
    void aPaymentWithOneBadAllocationStoresNothing() {
        Invoice first = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        Invoice second = invoice("INV-2", "50.00", LocalDate.of(2026, 4, 30));
        published.clear();

        assertThatThrownBy(() -> pay("200.00", allocate(first, "100.00"), allocate(second, "60.00")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));

        assertThat(billing.invoice(first.id()).orElseThrow().balanceDue()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(billing.invoice(first.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(billing.paymentsOf(account, PageRequest.first(10)).items()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void allocationsBeyondThePaymentStoreNothing() {
        Invoice first = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        Invoice second = invoice("INV-2", "50.00", LocalDate.of(2026, 4, 30));

        assertThatThrownBy(() -> pay("120.00", allocate(first, "100.00"), allocate(second, "30.00")))
                .isInstanceOf(InvalidValueException.class);
        assertThat(billing.openInvoicesOf(account))
                .extracting(Invoice::balanceDue)
                .containsExactly(Money.of("100.00", "EUR"), Money.of("50.00", "EUR"));
    }

    @Test
    void anAllocationToAnUnknownInvoiceStoresNothingAndNamesTheAllocation() {
        Invoice known = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));

        assertThatThrownBy(() -> pay(
                        "10.00",
                        allocate(known, "1.00"),
                        NewPayment.Allocation.of(InvoiceId.of(UUID.randomUUID()), Money.of("1.00", "EUR"))))
                .isInstanceOfSatisfying(
                        RecordNotFoundException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("allocations[1].invoice"));
        assertThat(billing.invoice(known.id()).orElseThrow().balanceDue()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(billing.paymentsOf(account, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anAllocationToAnotherAccountsInvoiceIsRefused() {
        Invoice foreign = billing.issueInvoice(new NewInvoice(
                "INV-X",
                StoredRecords.account(storage, clock),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                EUR,
                List.of(InvoiceLine.of("Service", "1", Money.of("10", "EUR"), "0"))));

        assertThatThrownBy(() -> pay("10.00", allocate(foreign, "10.00")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("allocations[0].invoice"));
    }

    @Test
    void partialPaymentsThenTheRestPayTheInvoice() {
        Invoice invoice = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        Payment prepaid = pay("70.00");

        billing.allocatePayment(prepaid.id(), invoice.id(), Money.of("70.00", "EUR"));
        assertThat(billing.invoice(invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        pay("30.00", allocate(invoice, "30.00"));

        assertThat(billing.invoice(invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(billing.openInvoicesOf(account)).isEmpty();
    }

    @Test
    void aCreditNoteAgainstAnInvoiceSettlesItsBalance() {
        Invoice invoice = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        pay("60.00", allocate(invoice, "60.00"));

        CreditNote note = billing.issueCreditNote(new NewCreditNote(
                "CN-1", account, invoice.id(), Money.of("40.00", "EUR"), LocalDate.of(2026, 3, 12), "returned goods"));

        assertThat(note.unapplied()).isEqualTo(Money.zero("EUR"));
        assertThat(billing.invoice(invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(published)
                .extracting(DomainEvent::eventType)
                .contains("CreditNoteIssued", "CreditNoteApplied", "InvoicePaid");
    }

    @Test
    void aCreditNoteLargerThanTheInvoiceBalanceStoresNothing() {
        Invoice invoice = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));

        assertThatThrownBy(() -> billing.issueCreditNote(new NewCreditNote(
                        "CN-1",
                        account,
                        invoice.id(),
                        Money.of("100.01", "EUR"),
                        LocalDate.of(2026, 3, 12),
                        "goodwill")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(billing.creditNotesOf(account, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(billing.invoice(invoice.id()).orElseThrow().balanceDue()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void theAccountBalanceNetsOpenInvoicesAgainstUnallocatedMoneyAndCredits() {
        Invoice first = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        invoice("INV-2", "50.00", LocalDate.of(2026, 4, 30));
        pay("130.00", allocate(first, "100.00"));
        CreditNote credit = billing.issueCreditNote(new NewCreditNote(
                "CN-1", account, null, Money.of("15.00", "EUR"), LocalDate.of(2026, 3, 12), "goodwill"));

        AccountBalance balance = billing.balanceOf(account, EUR);

        assertThat(balance.openInvoices()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(balance.unallocatedPayments()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(balance.unappliedCredits()).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(balance.net()).isEqualTo(Money.of("5.00", "EUR"));

        billing.applyCreditNote(
                credit.id(), billing.invoiceByNumber("INV-2").orElseThrow().id(), Money.of("15.00", "EUR"));
        assertThat(billing.balanceOf(account, EUR).net()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(billing.balanceOf(account, EUR).openInvoices()).isEqualTo(Money.of("35.00", "EUR"));
    }

    @Test
    void overdueInvoicesAreListedOldestDueFirst() {
        invoice("INV-3", "10.00", LocalDate.of(2026, 3, 20));
        invoice("INV-1", "10.00", LocalDate.of(2026, 3, 5));
        Invoice paid = invoice("INV-2", "10.00", LocalDate.of(2026, 3, 1));
        invoice("INV-4", "10.00", LocalDate.of(2026, 4, 30));
        pay("10.00", allocate(paid, "10.00"));

        assertThat(billing.overdueInvoices(LocalDate.of(2026, 3, 21), PageRequest.first(10))
                        .items())
                .extracting(Invoice::number)
                .containsExactly("INV-1", "INV-3");
        assertThat(billing.overdueInvoices(LocalDate.of(2026, 3, 20), PageRequest.first(10))
                        .items())
                .extracting(Invoice::number)
                .containsExactly("INV-1");
    }

    @Test
    void voidingAnInvoiceTakesItOffTheOverdueList() {
        Invoice invoice = invoice("INV-1", "10.00", LocalDate.of(2026, 3, 5));

        billing.voidInvoice(invoice.id(), "wrong customer");

        assertThat(billing.overdueInvoices(LocalDate.of(2026, 6, 1), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(published).extracting(DomainEvent::eventType).containsExactly("InvoiceIssued", "InvoiceVoided");
    }

    @Test
    void aDraftIsIssuedLater() {
        Invoice draft = billing.draftInvoice(new NewInvoice(
                "INV-1",
                account,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                EUR,
                List.of(InvoiceLine.of("Service", "1", Money.of("10", "EUR"), "0"))));
        assertThat(billing.openInvoicesOf(account)).isEmpty();
        assertThat(published).isEmpty();

        billing.issueInvoice(draft.id());

        assertThat(billing.openInvoicesOf(account)).hasSize(1);
        assertThat(published).singleElement().isInstanceOf(InvoiceIssued.class);
    }

    @Test
    void paymentEventsCarryTheAllocation() {
        Invoice invoice = invoice("INV-1", "100.00", LocalDate.of(2026, 3, 31));
        published.clear();

        pay("40.00", allocate(invoice, "40.00"));

        assertThat(published).first().isInstanceOf(PaymentReceived.class);
        assertThat(published)
                .filteredOn(PaymentAllocated.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(PaymentAllocated.class, e -> {
                    assertThat(e.invoice()).isEqualTo(invoice.id());
                    assertThat(e.amount()).isEqualTo(Money.of("40.00", "EUR"));
                });
    }
}
