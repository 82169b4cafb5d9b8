package org.crmkit.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;

class CreditNoteTest {

    static CreditNote creditNote(InvoiceId against, String amount) {
        return CreditNote.issue(
                TenantId.of("acme"),
                CreditNoteId.of(UUID.randomUUID()),
                "CN-1",
                AccountId.of(UUID.randomUUID()),
                against,
                Money.of(amount, "EUR"),
                LocalDate.of(2026, 3, 3),
                "damaged goods",
                InvoiceTest.CLOCK);
    }

    @Test
    void anAccountCreditNoteIsAppliedInPartsToAnyInvoice() {
        CreditNote note = creditNote(null, "50.00");

        note.applyTo(InvoiceId.of(UUID.randomUUID()), Money.of("20.00", "EUR"), InvoiceTest.CLOCK);
        note.applyTo(InvoiceId.of(UUID.randomUUID()), Money.of("10.00", "EUR"), InvoiceTest.CLOCK);

        assertThat(note.unapplied()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(note.pendingEvents()).last().isInstanceOf(CreditNoteApplied.class);
    }

    @Test
    void aCreditNoteAgainstAnInvoiceSettlesOnlyThatInvoice() {
        InvoiceId invoice = InvoiceId.of(UUID.randomUUID());
        CreditNote note = creditNote(invoice, "50.00");

        assertThatThrownBy(
                        () -> note.applyTo(InvoiceId.of(UUID.randomUUID()), Money.of("1.00", "EUR"), InvoiceTest.CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("invoice"));
        note.applyTo(invoice, Money.of("50.00", "EUR"), InvoiceTest.CLOCK);
        assertThat(note.unapplied()).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void applyingMoreThanTheRestIsRefused() {
        CreditNote note = creditNote(null, "50.00");

        assertThatThrownBy(() ->
                        note.applyTo(InvoiceId.of(UUID.randomUUID()), Money.of("50.01", "EUR"), InvoiceTest.CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(note.applications()).isEmpty();
    }

    @Test
    void stateRoundTripKeepsEveryField() {
        CreditNote note = creditNote(InvoiceId.of(UUID.randomUUID()), "50.00");
        note.applyTo(note.invoice(), Money.of("5.00", "EUR"), InvoiceTest.CLOCK);

        assertThat(CreditNote.restore(note.state()).state()).isEqualTo(note.state());
    }
}
