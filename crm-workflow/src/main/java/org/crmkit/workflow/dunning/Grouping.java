package org.crmkit.workflow.dunning;

/**
 * How a policy groups overdue invoices into cases: one case and one notice per account listing all its overdue
 * invoices with their levels, or one case per invoice.
 */
public enum Grouping {
    PER_ACCOUNT,
    PER_INVOICE
}
