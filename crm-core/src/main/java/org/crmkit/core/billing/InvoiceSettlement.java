package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.Require;

/**
 * A part of an invoice's total that was settled: by the payment or credit note with id {@code source}, for
 * {@code amount} (positive), at {@code settledAt}.
 */
public record InvoiceSettlement(SettlementKind kind, UUID source, Money amount, Instant settledAt) {

    public InvoiceSettlement {
        Require.notNull(kind, "kind");
        Require.notNull(source, "source");
        Require.notNull(amount, "amount");
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.notNull(settledAt, "settledAt");
    }

    static InvoiceSettlement payment(PaymentId payment, Money amount, Instant at) {
        return new InvoiceSettlement(SettlementKind.PAYMENT, payment.value(), amount, at);
    }

    static InvoiceSettlement creditNote(CreditNoteId creditNote, Money amount, Instant at) {
        return new InvoiceSettlement(SettlementKind.CREDIT_NOTE, creditNote.value(), amount, at);
    }
}
