package org.crmkit.workflow.dunning;

import org.crmkit.core.common.Money;

/**
 * When a level may be reached besides its date: a minimum overdue balance of the case (null: any), a minimum
 * number of overdue invoices in the case, and a minimum number of days the invoice is overdue.
 */
public record DunningConditions(Money minimumOverdueBalance, int minimumOverdueInvoices, int minimumDaysOverdue) {

    public static final DunningConditions NONE = new DunningConditions(null, 0, 0);

    /** Whether a case with this overdue balance and count allows an invoice this many days overdue to reach the level. */
    public boolean allow(Money overdueBalance, int overdueInvoices, long daysOverdue) {
        return (minimumOverdueBalance == null || !overdueBalance.isLessThan(minimumOverdueBalance))
                && overdueInvoices >= minimumOverdueInvoices
                && daysOverdue >= minimumDaysOverdue;
    }
}
