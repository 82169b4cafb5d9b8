package org.crmkit.core;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * A payment to record: who paid how much, when, how and with which reference (optional), and how it is allocated to
 * the account's invoices (may be empty: the payment then stays unallocated).
 */
public record NewPayment(AccountId account, Money amount, LocalDate receivedOn, PaymentMethod method, String reference,
                         List<Allocation> allocations) {

    public NewPayment {
        allocations = Require.noNulls(allocations, "allocations");
    }

    /** A part of the payment that settles one invoice. */
    public record Allocation(InvoiceId invoice, Money amount) {

        public Allocation {
            Require.notNull(invoice, "invoice");
            Require.notNull(amount, "amount");
        }

        public static Allocation of(InvoiceId invoice, Money amount) {
            return new Allocation(invoice, amount);
        }
    }
}
