package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Require;

/**
 * What is needed to create an invoice: its number (unique per tenant), the account billed, issue and due date (not
 * before the issue date), the currency and at least one line in that currency. Checked fully when the invoice is
 * created. Start with {@link #of} and add the lines:
 *
 * <pre>{@code
 * NewInvoice invoice = NewInvoice.of("2026-0042", acme.id(), issued, issued.plusDays(30), Currency.getInstance("EUR"))
 *         .withLine(InvoiceLine.of("Press maintenance", "2", Money.of("450.00", "EUR"), "19"))
 *         .withLine(InvoiceLine.of("Travel", "1", Money.of("60.00", "EUR"), "19"));
 * }</pre>
 */
public record NewInvoice(
        String number,
        AccountId account,
        LocalDate issueDate,
        LocalDate dueDate,
        Currency currency,
        List<InvoiceLine> lines) {

    public NewInvoice {
        lines = Require.noNulls(lines, "lines");
    }

    /** An invoice without lines yet; add at least one with {@link #withLine} before creating it. */
    public static NewInvoice of(
            String number, AccountId account, LocalDate issueDate, LocalDate dueDate, Currency currency) {
        return new NewInvoice(number, account, issueDate, dueDate, currency, List.of());
    }

    /** A copy with the line added after the others. */
    public NewInvoice withLine(InvoiceLine line) {
        List<InvoiceLine> more = new ArrayList<>(lines);
        more.add(Require.notNull(line, "line"));
        return new NewInvoice(number, account, issueDate, dueDate, currency, more);
    }
}
