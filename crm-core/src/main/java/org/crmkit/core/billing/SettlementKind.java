package org.crmkit.core.billing;

/** What settled part of an invoice: money received, or a credit note. */
public enum SettlementKind {
    PAYMENT,
    CREDIT_NOTE
}
