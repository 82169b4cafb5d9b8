package org.crmkit.core.billing;

/**
 * Where an invoice is in its life: {@code DRAFT} → {@code ISSUED} → {@code PARTIALLY_PAID} → {@code PAID}; an
 * issued invoice without settlements may become {@code VOID}, an open one {@code WRITTEN_OFF}.
 */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    VOID,
    WRITTEN_OFF;

    /** Issued and not yet settled: the invoices a customer owes and dunning looks at. */
    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
