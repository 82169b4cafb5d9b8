package org.crmkit.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;

class PaymentTest {

    static Payment payment(String amount) {
        return Payment.receive(
                TenantId.of("acme"),
                PaymentId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()),
                Money.of(amount, "EUR"),
                LocalDate.of(2026, 3, 5),
                PaymentMethod.BANK_TRANSFER,
                " REF-7 ",
                InvoiceTest.CLOCK);
    }

    static InvoiceId invoice() {
        return InvoiceId.of(UUID.randomUUID());
    }

    @Test
    void aPaymentMaySplitOverInvoicesAndKeepsTheRestVisible() {
        Payment payment = payment("100.00");

        payment.allocate(invoice(), Money.of("30.00", "EUR"), InvoiceTest.CLOCK);
        payment.allocate(invoice(), Money.of("50.00", "EUR"), InvoiceTest.CLOCK);

        assertThat(payment.allocated()).isEqualTo(Money.of("80.00", "EUR"));
        assertThat(payment.unallocated()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(payment.reference()).isEqualTo("REF-7");
        assertThat(payment.pendingEvents()).hasSize(3).first().isInstanceOf(PaymentReceived.class);
        assertThat(payment.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        PaymentAllocated.class, e -> assertThat(e.unallocated()).isEqualTo(Money.of("20.00", "EUR")));
    }

    @Test
    void allocatingMoreThanThePaymentIsRefused() {
        Payment payment = payment("100.00");
        payment.allocate(invoice(), Money.of("60.00", "EUR"), InvoiceTest.CLOCK);

        assertThatThrownBy(() -> payment.allocate(invoice(), Money.of("40.01", "EUR"), InvoiceTest.CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(payment.unallocated()).isEqualTo(Money.of("40.00", "EUR"));
    }

    @Test
    void allocatingAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> payment("100.00").allocate(invoice(), Money.of("1", "CHF"), InvoiceTest.CLOCK))
                .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void aPaymentMustBePositiveAndInTheMinorUnit() {
        assertThatThrownBy(() -> payment("0"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> payment("1.001"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void stateRoundTripKeepsEveryField() {
        Payment payment = payment("100.00");
        payment.allocate(invoice(), Money.of("30.00", "EUR"), InvoiceTest.CLOCK);

        assertThat(Payment.restore(payment.state()).state()).isEqualTo(payment.state());
    }
}
