package org.crmkit.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;

class InvoiceSettlementPropertiesTest {

    @Property
    void balanceIsAlwaysTotalMinusAcceptedSettlementsAndNeverNegative(
            @ForAll @IntRange(min = 1, max = 1_000_000) int priceCents,
            @ForAll @IntRange(min = 0, max = 25) int taxRate,
            @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 500_000) Integer> attemptsCents) {
        Invoice invoice = InvoiceTest.issued(
                InvoiceLine.of("Goods", "1", Money.ofMinor(priceCents, InvoiceTest.EUR), String.valueOf(taxRate)));
        Money accepted = Money.zero("EUR");
        for (int cents : attemptsCents) {
            Money attempt = Money.ofMinor(cents, InvoiceTest.EUR);
            if (attempt.isGreaterThan(invoice.balanceDue()) || !invoice.isOpen()) {
                assertThatThrownBy(
                                () -> invoice.applyPayment(PaymentId.of(UUID.randomUUID()), attempt, InvoiceTest.CLOCK))
                        .isInstanceOfAny(
                                InvalidValueException.class, org.crmkit.core.common.IllegalTransitionException.class);
            } else {
                invoice.applyPayment(PaymentId.of(UUID.randomUUID()), attempt, InvoiceTest.CLOCK);
                accepted = accepted.plus(attempt);
            }
            assertThat(invoice.balanceDue()).isEqualTo(invoice.total().minus(accepted));
            assertThat(invoice.balanceDue().isNegative()).isFalse();
            assertThat(invoice.status() == InvoiceStatus.PAID)
                    .isEqualTo(invoice.balanceDue().isZero());
        }
    }

    @Property
    void splittingTheTotalIntoAnyNumberOfPaymentsPaysItExactly(
            @ForAll @IntRange(min = 1, max = 10_000_000) int priceCents,
            @ForAll @IntRange(min = 1, max = 20) int parts) {
        Invoice invoice =
                InvoiceTest.issued(InvoiceLine.of("Goods", "3", Money.ofMinor(priceCents, InvoiceTest.EUR), "19"));
        List<Money> instalments = invoice.total().allocate(parts);

        instalments.stream()
                .filter(Money::isPositive)
                .forEach(part -> invoice.applyPayment(PaymentId.of(UUID.randomUUID()), part, InvoiceTest.CLOCK));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.paid()).isEqualTo(invoice.total());
    }
}
