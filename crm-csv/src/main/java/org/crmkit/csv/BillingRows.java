package org.crmkit.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.party.Account;

/**
 * Turns a row's values into the invoice or payment to record, finding the account (and a payment's invoice) by
 * their keys in the mapping's system; every failing column is kept as an error.
 */
final class BillingRows {

    private BillingRows() {}

    /** The invoice of the row, or null when a column failed (see {@code values.errors()}). */
    static NewInvoice invoice(RowValues<InvoiceField> values, String system, Crm crm) {
        AccountId account = account(values, InvoiceField.ACCOUNT_KEY, system, crm);
        LocalDate issued = values.converted(InvoiceField.ISSUE_DATE, LocalDate::parse, "a date such as 2026-03-31");
        LocalDate due = values.converted(InvoiceField.DUE_DATE, LocalDate::parse, "a date such as 2026-03-31");
        Currency currency = values.converted(InvoiceField.CURRENCY, Currency::getInstance, "an ISO 4217 currency");
        BigDecimal quantity = values.converted(InvoiceField.QUANTITY, BigDecimal::new, "a decimal such as 2.5");
        BigDecimal unitPrice = values.converted(InvoiceField.UNIT_PRICE, BigDecimal::new, "a decimal such as 450.00");
        BigDecimal taxRate = values.converted(InvoiceField.TAX_RATE, BigDecimal::new, "a percentage such as 19");
        String number = required(values, InvoiceField.NUMBER);
        String description = required(values, InvoiceField.DESCRIPTION);
        for (InvoiceField field : new InvoiceField[] {
            InvoiceField.ISSUE_DATE,
            InvoiceField.DUE_DATE,
            InvoiceField.CURRENCY,
            InvoiceField.QUANTITY,
            InvoiceField.UNIT_PRICE,
            InvoiceField.TAX_RATE
        }) {
            required(values, field);
        }
        if (!values.errors().isEmpty()) {
            return null;
        }
        Money price = values.parsed(InvoiceField.UNIT_PRICE, text -> Money.of(unitPrice, currency));
        InvoiceLine line = price == null
                ? null
                : values.parsed(InvoiceField.DESCRIPTION, text -> InvoiceLine.of(text, quantity, price, taxRate));
        if (line == null) {
            return null;
        }
        return values.parsed(
                InvoiceField.NUMBER,
                text -> NewInvoice.of(number, account, issued, due, currency).withLine(line));
    }

    /** The payment of the row, or null when a column failed (see {@code values.errors()}). */
    static NewPayment payment(RowValues<PaymentField> values, String system, Crm crm) {
        AccountId account = account(values, PaymentField.ACCOUNT_KEY, system, crm);
        BigDecimal amount = values.converted(PaymentField.AMOUNT, BigDecimal::new, "a decimal such as 450.00");
        Currency currency = values.converted(PaymentField.CURRENCY, Currency::getInstance, "an ISO 4217 currency");
        LocalDate received = values.converted(PaymentField.RECEIVED_ON, LocalDate::parse, "a date such as 2026-03-31");
        PaymentMethod method = values.converted(
                PaymentField.METHOD,
                PaymentMethod::valueOf,
                "one of BANK_TRANSFER, DIRECT_DEBIT, CARD, CASH, CHEQUE, OTHER");
        for (PaymentField field : new PaymentField[] {
            PaymentField.AMOUNT, PaymentField.CURRENCY, PaymentField.RECEIVED_ON, PaymentField.METHOD
        }) {
            required(values, field);
        }
        String invoiceKey = values.text(PaymentField.INVOICE_KEY);
        Optional<Invoice> invoice = invoiceKey == null
                ? Optional.empty()
                : Optional.ofNullable(values.parsed(PaymentField.INVOICE_KEY, key -> ExternalRef.of(system, key)))
                        .flatMap(ref -> crm.billing().invoiceByExternalRef(ref));
        if (invoiceKey != null && invoice.isEmpty() && values.errors().isEmpty()) {
            values.fail(PaymentField.INVOICE_KEY, "no invoice has the reference " + system + "/" + invoiceKey);
        }
        if (!values.errors().isEmpty()) {
            return null;
        }
        Money money = values.parsed(PaymentField.AMOUNT, text -> Money.of(amount, currency));
        if (money == null) {
            return null;
        }
        NewPayment payment = values.parsed(
                PaymentField.AMOUNT,
                text -> NewPayment.of(account, money, received, method)
                        .withReference(values.text(PaymentField.REFERENCE)));
        return payment == null || invoice.isEmpty()
                ? payment
                : values.parsed(
                        PaymentField.INVOICE_KEY,
                        text -> payment.allocating(invoice.get().id(), money));
    }

    private static <F extends Enum<F>> AccountId account(RowValues<F> values, F field, String system, Crm crm) {
        String key = required(values, field);
        if (key == null) {
            return null;
        }
        ExternalRef ref = values.parsed(field, text -> ExternalRef.of(system, text));
        if (ref == null) {
            return null;
        }
        Optional<Account> account = crm.parties().findAccountByExternalRef(ref);
        if (account.isEmpty()) {
            values.fail(field, "no account has the reference " + ref);
            return null;
        }
        return account.get().id();
    }

    private static <F extends Enum<F>> String required(RowValues<F> values, F field) {
        String text = values.text(field);
        if (text == null) {
            values.missing(field);
        }
        return text;
    }
}
