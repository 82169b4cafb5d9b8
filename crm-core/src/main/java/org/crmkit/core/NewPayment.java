package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * A payment to record: who paid how much, when, how and with which reference (optional), and how it is allocated to
 * the account's invoices (may be empty: the payment then stays unallocated). Start with {@link #of}:
 *
 * <pre>{@code
 * NewPayment payment = NewPayment.of(acme.id(), Money.of("500.00", "EUR"), received, PaymentMethod.BANK_TRANSFER)
 *         .withReference("Bank statement 2026/114")
 *         .allocating(invoice.id(), Money.of("500.00", "EUR"));
 * }</pre>
 */
public record NewPayment(
        AccountId account,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String reference,
        List<Allocation> allocations) {

    public NewPayment {
        allocations = Require.noNulls(allocations, "allocations");
    }

    /** A payment without reference and not yet allocated. */
    public static NewPayment of(AccountId account, Money amount, LocalDate receivedOn, PaymentMethod method) {
        return new NewPayment(account, amount, receivedOn, method, null, List.of());
    }

    /** A copy with the reference (e.g. the bank statement's); null: none. */
    public NewPayment withReference(String reference) {
        return new NewPayment(account, amount, receivedOn, method, reference, allocations);
    }

    /** A copy that also allocates {@code amount} of the payment to the invoice, after the other allocations. */
    public NewPayment allocating(InvoiceId invoice, Money amount) {
        List<Allocation> more = new ArrayList<>(allocations);
        more.add(Allocation.of(invoice, amount));
        return new NewPayment(account, this.amount, receivedOn, method, reference, more);
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
