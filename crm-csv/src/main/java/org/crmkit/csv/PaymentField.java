package org.crmkit.csv;

/**
 * What a CSV column holds of a payment another system sent, one payment per row. Required: {@link #EXTERNAL_KEY}
 * (the payment's key), {@link #ACCOUNT_KEY} (its account's key, in the mapping's external system), {@link #AMOUNT}
 * (a decimal with a '.'), {@link #CURRENCY}, {@link #RECEIVED_ON} (ISO date) and {@link #METHOD} (a
 * {@code PaymentMethod} name such as {@code BANK_TRANSFER}). Optional: {@link #REFERENCE} (the payer's text) and
 * {@link #INVOICE_KEY}, the key of the invoice the whole amount pays.
 */
public enum PaymentField {
    EXTERNAL_KEY,
    ACCOUNT_KEY,
    AMOUNT,
    CURRENCY,
    RECEIVED_ON,
    METHOD,
    REFERENCE,
    INVOICE_KEY
}
