package org.crmkit.workflow.dunning;

import java.util.Currency;
import java.util.UUID;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * What one dunning case groups, by its policy's {@link Grouping}: one invoice, or an account's invoices in one
 * currency. A group has at most one open case. {@link #key()} is its stored form ({@code invoice:<id>} or
 * {@code account:<id>:<currency>}), which {@link #parse} reads back.
 */
public sealed interface DunningGroup {

    /** The account whose invoices the group holds. */
    AccountId account();

    /** The stored form of the group, unique per tenant among open cases. */
    String key();

    /** The group of {@code invoice} under a policy that groups as {@code grouping}, in the policy's currency. */
    static DunningGroup of(Grouping grouping, Currency currency, Invoice invoice) {
        Require.notNull(invoice, "invoice");
        return Require.notNull(grouping, "grouping") == Grouping.PER_INVOICE
                ? new OneInvoice(invoice.account(), invoice.id())
                : new AccountInCurrency(invoice.account(), Require.notNull(currency, "currency"));
    }

    /**
     * Reads a group of {@code account} back from its {@link #key()}; {@code InvalidValueException} naming
     * {@code groupKey} when it is neither form.
     */
    static DunningGroup parse(AccountId account, String key) {
        Require.notNull(account, "account");
        String[] parts = Require.notBlank(key, "groupKey").split(":", -1);
        try {
            if (parts.length == 2 && parts[0].equals("invoice")) {
                return new OneInvoice(account, InvoiceId.of(UUID.fromString(parts[1])));
            }
            if (parts.length == 3
                    && parts[0].equals("account")
                    && parts[1].equals(account.value().toString())) {
                return new AccountInCurrency(account, Money.currency(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.invalid(
                    "groupKey", "'" + key + "' does not name an invoice: " + e.getMessage());
        }
        throw InvalidValueException.invalid(
                "groupKey", "'" + key + "' is neither invoice:<id> nor account:" + account.value() + ":<currency>");
    }

    /** One invoice's case, under a policy grouping {@link Grouping#PER_INVOICE}. */
    record OneInvoice(AccountId account, InvoiceId invoice) implements DunningGroup {

        public OneInvoice {
            Require.notNull(account, "account");
            Require.notNull(invoice, "invoice");
        }

        @Override
        public String key() {
            return "invoice:" + invoice.value();
        }
    }

    /** An account's invoices in one currency, under a policy grouping {@link Grouping#PER_ACCOUNT}. */
    record AccountInCurrency(AccountId account, Currency currency) implements DunningGroup {

        public AccountInCurrency {
            Require.notNull(account, "account");
            Require.notNull(currency, "currency");
        }

        @Override
        public String key() {
            return "account:" + account.value() + ":" + currency.getCurrencyCode();
        }
    }
}
