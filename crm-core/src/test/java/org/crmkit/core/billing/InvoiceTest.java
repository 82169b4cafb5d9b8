package org.crmkit.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    static final Currency EUR = Currency.getInstance("EUR");
    static final TenantId TENANT = TenantId.of("acme");
    static final AccountId ACCOUNT = AccountId.of(UUID.randomUUID());
    static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);
    static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    static Invoice issued(InvoiceLine... lines) {
        Invoice invoice = Invoice.draft(
                TENANT, InvoiceId.of(UUID.randomUUID()), "INV-1", ACCOUNT, ISSUED, DUE, EUR, List.of(lines), CLOCK);
        invoice.issue(CLOCK);
        return invoice;
    }

    static InvoiceLine line(String quantity, String unitPrice, String taxRate) {
        return InvoiceLine.of("Consulting", quantity, Money.of(unitPrice, "EUR"), taxRate);
    }

    static PaymentId payment() {
        return PaymentId.of(UUID.randomUUID());
    }

    @Test
    void totalIsRoundedNetPlusTaxPerRate() {
        // nets 1.00 + 15.00 + 2.50; 19 % of 3.50 is 0.665, rounded half-even to 0.66; 7 % of 15.00 is 1.05
        Invoice invoice = issued(line("3", "0.333", "19"), line("1.5", "10.00", "7"), line("1", "2.50", "19"));

        assertThat(invoice.net()).isEqualTo(Money.of("18.50", "EUR"));
        assertThat(invoice.taxByRate())
                .containsEntry(new BigDecimal("19"), Money.of("0.66", "EUR"))
                .containsEntry(new BigDecimal("7"), Money.of("1.05", "EUR"));
        assertThat(invoice.tax()).isEqualTo(Money.of("1.71", "EUR"));
        assertThat(invoice.total()).isEqualTo(Money.of("20.21", "EUR"));
        assertThat(invoice.balanceDue()).isEqualTo(invoice.total());
    }

    @Test
    void lineNetIsRoundedHalfEvenToTheMinorUnit() {
        assertThat(line("1", "0.125", "0").net()).isEqualTo(Money.of("0.12", "EUR"));
        assertThat(line("1", "0.135", "0").net()).isEqualTo(Money.of("0.14", "EUR"));
        assertThat(InvoiceLine.of("Tea", "3", Money.of("333.5", "JPY"), "10").net())
                .isEqualTo(Money.of("1000", "JPY"));
    }

    @Test
    void aLineInAnotherCurrencyIsRefusedNamingTheLine() {
        List<InvoiceLine> lines = List.of(line("1", "10", "19"), InvoiceLine.of("Fee", "1", Money.of("5", "USD"), "0"));

        assertThatThrownBy(() -> Invoice.draft(
                        TENANT, InvoiceId.of(UUID.randomUUID()), "INV-1", ACCOUNT, ISSUED, DUE, EUR, lines, CLOCK))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[1].unitPrice");
                    assertThat(e.expected()).isEqualTo(EUR);
                    assertThat(e.actual()).isEqualTo(Currency.getInstance("USD"));
                });
    }

    @Test
    void aDueDateBeforeTheIssueDateIsRefused() {
        assertThatThrownBy(() -> Invoice.draft(
                        TENANT,
                        InvoiceId.of(UUID.randomUUID()),
                        "INV-1",
                        ACCOUNT,
                        ISSUED,
                        ISSUED.minusDays(1),
                        EUR,
                        List.of(line("1", "10", "19")),
                        CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("dueDate"));
    }

    @Test
    void anInvoiceWithoutLinesIsRefused() {
        assertThatThrownBy(() -> Invoice.draft(
                        TENANT, InvoiceId.of(UUID.randomUUID()), "INV-1", ACCOUNT, ISSUED, DUE, EUR, List.of(), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lines"));
    }

    @Test
    void badLineValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> line("0", "10", "19"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> line("-1", "10", "19"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> line("1", "-10", "19"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("unitPrice"));
        assertThatThrownBy(() -> line("1", "10", "101"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("taxRatePercent"));
        assertThatThrownBy(() -> line("1", "10", "-1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("taxRatePercent"));
        assertThatThrownBy(() -> InvoiceLine.of(" ", "1", Money.of("1", "EUR"), "0"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void issuingRecordsInvoiceIssuedWithTheTotal() {
        Invoice invoice = issued(line("2", "50.00", "19"));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.issuedAt()).isEqualTo(CLOCK.instant());
        assertThat(invoice.pendingEvents()).singleElement().isInstanceOfSatisfying(InvoiceIssued.class, e -> {
            assertThat(e.total()).isEqualTo(Money.of("119.00", "EUR"));
            assertThat(e.dueDate()).isEqualTo(DUE);
            assertThat(e.number()).isEqualTo("INV-1");
        });
    }

    @Test
    void partialPaymentsThenTheFullRestMakeTheInvoicePaid() {
        Invoice invoice = issued(line("1", "100.00", "0"));

        invoice.applyPayment(payment(), Money.of("30.00", "EUR"), CLOCK);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.balanceDue()).isEqualTo(Money.of("70.00", "EUR"));

        invoice.applyPayment(payment(), Money.of("70.00", "EUR"), CLOCK);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.balanceDue()).isEqualTo(Money.zero("EUR"));
        assertThat(invoice.paid()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(invoice.pendingEvents()).last().isInstanceOf(InvoicePaid.class);
    }

    @Test
    void aCreditNoteSettlingTheRestMakesTheInvoicePaid() {
        Invoice invoice = issued(line("1", "100.00", "0"));
        invoice.applyPayment(payment(), Money.of("60.00", "EUR"), CLOCK);

        invoice.applyCreditNote(CreditNoteId.of(UUID.randomUUID()), Money.of("40.00", "EUR"), CLOCK);

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.credited()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(invoice.settlements())
                .extracting(InvoiceSettlement::kind)
                .containsExactly(SettlementKind.PAYMENT, SettlementKind.CREDIT_NOTE);
    }

    @Test
    void paymentBeyondTheBalanceIsRefusedAndChangesNothing() {
        Invoice invoice = issued(line("1", "100.00", "0"));
        invoice.applyPayment(payment(), Money.of("80.00", "EUR"), CLOCK);

        assertThatThrownBy(() -> invoice.applyPayment(payment(), Money.of("20.01", "EUR"), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(invoice.balanceDue()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    }

    @Test
    void paymentInAnotherCurrencyIsRefusedNamingTheAmount() {
        Invoice invoice = issued(line("1", "100.00", "0"));

        assertThatThrownBy(() -> invoice.applyPayment(payment(), Money.of("10.00", "USD"), CLOCK))
                .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void aDraftCannotBePaid() {
        Invoice draft = Invoice.draft(
                TENANT,
                InvoiceId.of(UUID.randomUUID()),
                "INV-9",
                ACCOUNT,
                ISSUED,
                DUE,
                EUR,
                List.of(line("1", "10", "0")),
                CLOCK);

        assertThatThrownBy(() -> draft.applyPayment(payment(), Money.of("1.00", "EUR"), CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void daysOverdueCountsFromTheDueDateWhileOpen() {
        Invoice invoice = issued(line("1", "100.00", "0"));

        assertThat(invoice.daysOverdue(DUE.minusDays(5))).isZero();
        assertThat(invoice.daysOverdue(DUE)).isZero();
        assertThat(invoice.isOverdue(DUE)).isFalse();
        assertThat(invoice.daysOverdue(DUE.plusDays(1))).isEqualTo(1);
        assertThat(invoice.daysOverdue(DUE.plusDays(45))).isEqualTo(45);
        assertThat(invoice.isOverdue(DUE.plusDays(1))).isTrue();

        invoice.applyPayment(payment(), Money.of("100.00", "EUR"), CLOCK);
        assertThat(invoice.daysOverdue(DUE.plusDays(45))).isZero();
        assertThat(invoice.isOverdue(DUE.plusDays(45))).isFalse();
    }

    @Test
    void voidingAnIssuedInvoiceLeavesNothingDue() {
        Invoice invoice = issued(line("1", "100.00", "0"));

        invoice.voidInvoice("issued twice", CLOCK);

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(invoice.balanceDue()).isEqualTo(Money.zero("EUR"));
        assertThat(invoice.statusReason()).isEqualTo("issued twice");
        assertThat(invoice.pendingEvents()).last().isInstanceOf(InvoiceVoided.class);
    }

    @Test
    void anInvoiceWithPaymentsCannotBeVoided() {
        Invoice invoice = issued(line("1", "100.00", "0"));
        invoice.applyPayment(payment(), Money.of("1.00", "EUR"), CLOCK);

        assertThatThrownBy(() -> invoice.voidInvoice("mistake", CLOCK)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void writingOffGivesUpTheRest() {
        Invoice invoice = issued(line("1", "100.00", "0"));
        invoice.applyPayment(payment(), Money.of("25.00", "EUR"), CLOCK);

        invoice.writeOff("insolvent", CLOCK);

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(invoice.balanceDue()).isEqualTo(Money.zero("EUR"));
        assertThat(invoice.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        InvoiceWrittenOff.class, e -> assertThat(e.amount()).isEqualTo(Money.of("75.00", "EUR")));
        assertThat(invoice.daysOverdue(DUE.plusDays(10))).isZero();
    }

    @Test
    void stateRoundTripKeepsEveryField() {
        Invoice invoice = issued(line("1", "100.00", "19"));
        invoice.applyPayment(payment(), Money.of("10.00", "EUR"), CLOCK);
        invoice.writeOff("small rest", CLOCK);

        Invoice restored = Invoice.restore(invoice.state());

        assertThat(restored.state()).isEqualTo(invoice.state());
        assertThat(restored.balanceDue()).isEqualTo(invoice.balanceDue());
        assertThat(restored.pendingEvents()).isEmpty();
    }
}
