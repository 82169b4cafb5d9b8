package org.crmkit.core.billing;

/** How a payment was made. */
public enum PaymentMethod {
    BANK_TRANSFER,
    DIRECT_DEBIT,
    CARD,
    CASH,
    CHEQUE,
    OTHER
}
