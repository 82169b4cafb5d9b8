package org.crmkit.core;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Require;

/**
 * What is needed to create an invoice: its number (unique per tenant), the account billed, issue and due date (not
 * before the issue date), the currency and at least one line in that currency. Checked fully when the invoice is
 * created.
 */
public record NewInvoice(String number, AccountId account, LocalDate issueDate, LocalDate dueDate, Currency currency,
                         List<InvoiceLine> lines) {

    public NewInvoice {
        lines = Require.noNulls(lines, "lines");
    }
}
