package org.crmkit.core.billing;

import java.time.Instant;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/** The part {@code amount} (positive) of a payment that settles {@code invoice}, allocated at {@code allocatedAt}. */
public record PaymentAllocation(InvoiceId invoice, Money amount, Instant allocatedAt) {

    public PaymentAllocation {
        Require.notNull(invoice, "invoice");
        Require.notNull(amount, "amount");
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.notNull(allocatedAt, "allocatedAt");
    }
}
