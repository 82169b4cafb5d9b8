package org.crmkit.workflow.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * Interest on late payment under a statutory {@link InterestMode}: for every day from the day after the due date,
 * the open balance of that day times (reference rate of the day's half-year + the mode's points) divided by the
 * {@link DayCount}'s days per year. Periods are split at each half-year and at each settlement; each period's
 * amount is kept to ten decimals and the sum rounded half-up to the minor unit. Plus a flat compensation (EUR 40)
 * once per invoice where the mode grants it. Immutable.
 *
 * @param flatCompensation null when none is claimed
 */
public record InterestRule(InterestMode mode, ReferenceRates rates, DayCount dayCount, Money flatCompensation) {

    /** No interest and no flat compensation. */
    public static final InterestRule NONE = new InterestRule(null, null, DayCount.ACT_365, null);

    private static final int SCALE = 10;

    public InterestRule {
        Require.notNull(dayCount, "dayCount");
        if (mode != null) {
            Require.notNull(rates, "rates");
        }
        if (flatCompensation != null) {
            Require.that(
                    !flatCompensation.isNegative(),
                    "flatCompensation",
                    "must not be negative, was " + flatCompensation);
        }
    }

    /** The mode's interest on act/365, with EUR 40 flat compensation where the mode grants it. */
    public static InterestRule of(InterestMode mode, ReferenceRates rates) {
        Require.notNull(mode, "mode");
        return new InterestRule(
                mode, rates, DayCount.ACT_365, mode.grantsFlatCompensation() ? Money.of(40, "EUR") : null);
    }

    public InterestRule withDayCount(DayCount dayCount) {
        return new InterestRule(mode, rates, dayCount, flatCompensation);
    }

    /** Another flat compensation (e.g. in the policy's currency), or null for none. */
    public InterestRule withFlatCompensation(Money flatCompensation) {
        return new InterestRule(mode, rates, dayCount, flatCompensation);
    }

    public boolean chargesInterest() {
        return mode != null;
    }

    /**
     * The interest on an invoice of {@code total}, due on {@code dueDate}, settled by the given amounts on the
     * given days, for the days after the due date up to and including {@code asOf}. A settlement reduces the
     * balance from its day on.
     */
    public InterestCalculation calculate(
            Money total, LocalDate dueDate, Map<LocalDate, Money> settlements, LocalDate asOf) {
        Require.notNull(total, "total");
        Require.notNull(dueDate, "dueDate");
        Require.notNull(asOf, "asOf");
        Money zero = Money.zero(total.currency());
        TreeMap<LocalDate, Money> byDay = new TreeMap<>(Require.notNull(settlements, "settlements"));
        Money balance = total;
        for (Money settled : byDay.headMap(dueDate, true).values()) {
            balance = balance.minus(settled);
        }
        List<InterestPeriod> periods = new ArrayList<>();
        if (!chargesInterest() || !asOf.isAfter(dueDate)) {
            return new InterestCalculation(balance, periods, zero, dayCount);
        }
        BigDecimal exactSum = BigDecimal.ZERO;
        LocalDate from = dueDate.plusDays(1);
        while (!from.isAfter(asOf)) {
            LocalDate nextHalfYear = ReferenceRates.halfYearStart(from).plusMonths(6);
            LocalDate nextSettlement = byDay.higherKey(from);
            LocalDate end = asOf.plusDays(1);
            if (nextHalfYear.isBefore(end)) {
                end = nextHalfYear;
            }
            if (nextSettlement != null && nextSettlement.isBefore(end)) {
                end = nextSettlement;
            }
            Money settledToday = byDay.get(from);
            if (settledToday != null) {
                balance = balance.minus(settledToday);
            }
            long days = ChronoUnit.DAYS.between(from, end);
            BigDecimal rate = rates.rateOn(from).add(mode.pointsAboveReference());
            if (balance.isPositive() && rate.signum() > 0) {
                BigDecimal amount = balance.amount()
                        .multiply(rate)
                        .multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(100L * dayCount.daysPerYear()), SCALE, RoundingMode.HALF_EVEN);
                periods.add(new InterestPeriod(
                        from, end.minusDays(1), days, balance, rate, Money.of(amount, total.currency())));
                exactSum = exactSum.add(amount);
            }
            from = end;
        }
        return new InterestCalculation(
                balance, periods, Money.of(exactSum, total.currency()).rounded(RoundingMode.HALF_UP), dayCount);
    }

    /** One period of constant balance and rate: {@code from} to {@code to}, both inclusive. */
    public record InterestPeriod(
            LocalDate from, LocalDate to, long days, Money balance, BigDecimal ratePercent, Money amount) {}

    /**
     * The calculation a notice prints: the periods and their sum rounded to the minor unit.
     *
     * @param balance the open balance at the end
     */
    public record InterestCalculation(Money balance, List<InterestPeriod> periods, Money interest, DayCount dayCount) {

        public InterestCalculation {
            periods = List.copyOf(periods);
        }
    }
}
