package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceSettlement;
import org.crmkit.core.common.InvoiceId;
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
        Require.that(
                amount.isInMinorUnits(),
                field,
                "must be in the minor unit of " + amount.currency() + ", was " + amount);
        return amount.rounded();
    }

    /**
     * The claim of a case's active items on {@code today}: their open balances, the fees charged so far, the interest
     * on each item's invoice up to today under the policy's {@link InterestRule} (settlements counted from their day
     * in {@code zone}) and the flat compensation of every item that has it claimed.
     */
    static Claim of(
            List<CaseItem> activeItems,
            Money fees,
            DunningPolicy policy,
            List<Invoice> invoices,
            LocalDate today,
            ZoneId zone) {
        Require.notNull(policy, "policy");
        Require.notNull(today, "today");
        Require.notNull(zone, "zone");
        Map<InvoiceId, Invoice> byId = new HashMap<>();
        Require.notNull(invoices, "invoices").forEach(invoice -> byId.put(invoice.id(), invoice));
        InterestRule rule = policy.interest();
        Money zero = Money.zero(fees.currency());
        Money balance = zero;
        Money interest = zero;
        int compensated = 0;
        List<Line> lines = new ArrayList<>();
        for (CaseItem item : activeItems) {
            Invoice invoice = byId.get(item.invoice());
            Require.that(invoice != null, "invoices", "the invoice " + item.number() + " of the case is missing");
            InterestRule.InterestCalculation calculation =
                    rule.calculate(invoice.total(), invoice.dueDate(), settlementsByDay(invoice, zone), today);
            lines.add(new Line(
                    item.number(),
                    item.dueDate(),
                    item.daysOverdue(today),
                    item.level(),
                    item.balance(),
                    calculation,
                    item.compensationClaimed()));
            balance = balance.plus(item.balance());
            interest = interest.plus(calculation.interest());
            compensated += item.compensationClaimed() ? 1 : 0;
        }
        Money compensation =
                rule.flatCompensation() == null ? zero : rule.flatCompensation().times(compensated);
        return new Claim(today, lines, balance, fees, interest, compensation);
    }

    private static Map<LocalDate, Money> settlementsByDay(Invoice invoice, ZoneId zone) {
        Map<LocalDate, Money> byDay = new TreeMap<>();
        for (InvoiceSettlement settlement : invoice.settlements()) {
            byDay.merge(LocalDate.ofInstant(settlement.settledAt(), zone), settlement.amount(), Money::plus);
        }
        return byDay;
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
    public record Line(
            String invoice,
            LocalDate dueDate,
            long daysOverdue,
            int level,
            Money balance,
            InterestRule.InterestCalculation interest,
            boolean compensationClaimed) {

        public Line {
            Require.notBlank(invoice, "invoice");
            Require.notNull(dueDate, "dueDate");
            Require.notNull(balance, "balance");
            Require.notNull(interest, "interest");
        }
    }
}
