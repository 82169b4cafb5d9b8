package org.crmkit.csv;

/**
 * What a CSV column holds of an invoice another system sent, one invoice with one line per row; every field is
 * required. {@link #EXTERNAL_KEY} is the invoice's key and {@link #ACCOUNT_KEY} its account's key, both in the
 * mapping's external system; dates are ISO ({@code 2026-03-31}); {@link #QUANTITY}, {@link #UNIT_PRICE} and
 * {@link #TAX_RATE} (percent) are decimals with a '.'.
 */
public enum InvoiceField {
    EXTERNAL_KEY,
    NUMBER,
    ACCOUNT_KEY,
    ISSUE_DATE,
    DUE_DATE,
    CURRENCY,
    DESCRIPTION,
    QUANTITY,
    UNIT_PRICE,
    TAX_RATE
}
