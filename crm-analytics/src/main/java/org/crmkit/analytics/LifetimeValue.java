package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Predictive customer lifetime value: expected purchases from a {@link PurchaseModel} times expected spend from a
 * {@link GammaGammaModel}, month by month over a horizon, each month discounted:
 * {@code CLV = sum over i = 1..months of spend * (E[Y(i m)] - E[Y((i - 1) m)]) / (1 + d)^i}, with m the number of
 * model periods in a month and d the monthly discount rate. Immutable and thread-safe.
 */
public final class LifetimeValue {

    private final PurchaseModel purchases;
    private final GammaGammaModel spend;
    private final int months;
    private final double monthlyDiscountRate;
    private final double periodsPerMonth;

    private LifetimeValue(PurchaseModel purchases, GammaGammaModel spend, int months, double monthlyDiscountRate,
                          double periodsPerMonth) {
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.spend = Objects.requireNonNull(spend, "spend");
        if (months < 1) {
            throw AnalyticsException.invalidArgument("months", "must be at least 1, was " + months);
        }
        if (!(monthlyDiscountRate >= 0) || Double.isInfinite(monthlyDiscountRate)) {
            throw AnalyticsException.invalidArgument("monthlyDiscountRate",
                    "must be finite and not negative, was " + monthlyDiscountRate);
        }
        if (!(periodsPerMonth > 0) || Double.isInfinite(periodsPerMonth)) {
            throw AnalyticsException.invalidArgument("periodsPerMonth",
                    "must be positive and finite, was " + periodsPerMonth);
        }
        this.months = months;
        this.monthlyDiscountRate = monthlyDiscountRate;
        this.periodsPerMonth = periodsPerMonth;
    }

    /**
     * Lifetime value over {@code months} months discounted at {@code monthlyDiscountRate} (0.01 is about 12.7% a
     * year), with months as long as an average Gregorian month in the given unit.
     */
    public static LifetimeValue of(PurchaseModel purchases, GammaGammaModel spend, int months,
                                   double monthlyDiscountRate, PeriodUnit unit) {
        return new LifetimeValue(purchases, spend, months, monthlyDiscountRate, unit.periodsPerMonth());
    }

    /** As {@link #of(PurchaseModel, GammaGammaModel, int, double, PeriodUnit)} with an explicit month length. */
    public static LifetimeValue of(PurchaseModel purchases, GammaGammaModel spend, int months,
                                   double monthlyDiscountRate, double periodsPerMonth) {
        return new LifetimeValue(purchases, spend, months, monthlyDiscountRate, periodsPerMonth);
    }

    /** The discounted expected value of the customer's purchases over the horizon, as a double. */
    public double estimate(PurchaseHistory history, SpendHistory spendHistory) {
        return spend.expectedSpend(spendHistory) * discountedPurchases(history);
    }

    /**
     * The lifetime value of every customer, in the order of the list, computed in parallel on the common fork-join
     * pool (each value on its own, so the result does not depend on the threads). All months of a customer come
     * from one pass over the model's series.
     */
    public double[] estimates(List<CustomerSummary> customers) {
        CustomerSummary[] all = customers.toArray(CustomerSummary[]::new);
        double[] result = new double[all.length];
        IntStream.range(0, all.length).parallel().forEach(i -> result[i] =
                spend.expectedSpend(SpendHistory.of(all[i])) * discountedPurchases(all[i].history()));
        return result;
    }

    private double discountedPurchases(PurchaseHistory history) {
        double[] horizons = new double[months];
        for (int i = 0; i < months; i++) {
            horizons[i] = (i + 1) * periodsPerMonth;
        }
        double[] cumulative = purchases.expectedPurchases(history, horizons);
        double total = 0;
        double previous = 0;
        double discount = 1;
        for (int i = 0; i < months; i++) {
            discount /= 1 + monthlyDiscountRate;
            total += (cumulative[i] - previous) * discount;
            previous = cumulative[i];
        }
        return total;
    }

    /** The lifetime value of a summarized customer, rounded half-even to cents. */
    public BigDecimal valueOf(CustomerSummary customer) {
        return Money.ofEstimate(estimate(customer.history(), SpendHistory.of(customer)), 2);
    }
}
