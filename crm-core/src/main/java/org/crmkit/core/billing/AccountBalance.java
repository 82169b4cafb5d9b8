package org.crmkit.core.billing;

import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * What an account owes in one currency: the balance due of its open invoices, less money received but not yet
 * allocated and credit notes not yet applied. A negative {@link #net()} means the seller owes the account.
 */
public record AccountBalance(AccountId account, Money openInvoices, Money unallocatedPayments, Money unappliedCredits) {

    public AccountBalance {
        Require.notNull(account, "account");
        Require.notNull(openInvoices, "openInvoices");
        Require.notNull(unallocatedPayments, "unallocatedPayments");
        Require.notNull(unappliedCredits, "unappliedCredits");
    }

    /** Open invoices − unallocated payments − unapplied credits. */
    public Money net() {
        return openInvoices.minus(unallocatedPayments).minus(unappliedCredits);
    }
}
