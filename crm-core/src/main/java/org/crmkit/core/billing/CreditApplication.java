package org.crmkit.core.billing;

import java.time.Instant;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/** The part {@code amount} (positive) of a credit note applied to {@code invoice} at {@code appliedAt}. */
public record CreditApplication(InvoiceId invoice, Money amount, Instant appliedAt) {

    public CreditApplication {
        Require.notNull(invoice, "invoice");
        Require.notNull(amount, "amount");
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.notNull(appliedAt, "appliedAt");
    }
}
