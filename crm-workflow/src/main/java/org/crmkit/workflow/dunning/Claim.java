package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * The whole claim of a dunning case on one day, as its notices, its history and the lawyer's dossier state it: the
 * open balance of its invoices, every fee charged so far, the interest up to that day and every flat compensation
 * claimed so far, with one line per invoice. {@link DunningCase} computes it from its policy and invoices; the
 * amounts are kept in the currency's minor unit (interest rounded half-up), so that they print as {@code EUR 40.00}.
 *
 * @param asOf the day the claim is stated for; interest runs up to and including it
 */
public record Claim(LocalDate asOf, List<Line> lines, Money balance, Money fees, Money interest, Money compensation) {

    public Claim {
        Require.notNull(asOf, "asOf");
        lines = Require.noNulls(lines, "lines");
        balance = inMinorUnits(balance, "balance");
        fees = inMinorUnits(fees, "fees");
        interest = inMinorUnits(interest, "interest");
        compensation = inMinorUnits(compensation, "compensation");
    }

    private static Money inMinorUnits(Money amount, String field) {
        Require.notNull(amount, field);
        Require.that(amount.isInMinorUnits(), field, "must be in the minor unit of " + amount.currency() + ", was "
                + amount);
        return amount.rounded();
    }

    /** Balance, fees, interest and flat compensation together: what the customer owes on {@link #asOf}. */
    public Money total() {
        return balance.plus(fees).plus(interest).plus(compensation);
    }

    /** The parts and the total in one line, e.g. for a history entry or a call task. */
    public String summary() {
        return "balance " + balance + " + fees " + fees + " + interest " + interest + " + flat compensation "
                + compensation + " = " + total();
    }

    /**
     * An invoice of the claim: its open balance, days overdue, level, the interest on it up to the claim's day and
     * whether its flat compensation is claimed.
     */
    public record Line(String invoice, LocalDate dueDate, long daysOverdue, int level, Money balance,
                       InterestRule.InterestCalculation interest, boolean compensationClaimed) {

        public Line {
            Require.notBlank(invoice, "invoice");
            Require.notNull(dueDate, "dueDate");
            Require.notNull(balance, "balance");
            Require.notNull(interest, "interest");
        }
    }
}
