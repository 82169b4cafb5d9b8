package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.crmkit.core.common.Require;

/**
 * Predictive customer lifetime value: expected purchases from a {@link PurchaseModel} times expected spend from a
 * {@link GammaGammaModel}, month by month over a horizon, each month discounted:
 * {@code CLV = sum over i = 1..months of spend * (E[Y(i m)] - E[Y((i - 1) m)]) / (1 + d)^i}, with m the number of
 * model periods in a month and d the monthly discount rate. Immutable and thread-safe.
 */
public final class LifetimeValue {

    private final PurchaseModel purchases;
    private final GammaGammaModel spend;
    /** The longest horizon: 100 years; more would only cost memory and time. */
    public static final int MAX_MONTHS = 1200;

    private final int months;
    private final double monthlyDiscountRate;
    private final double periodsPerMonth;

    private LifetimeValue(
            PurchaseModel purchases,
            GammaGammaModel spend,
            int months,
            double monthlyDiscountRate,
            double periodsPerMonth) {
        this.purchases = Require.notNull(purchases, "purchases");
        this.spend = Require.notNull(spend, "spend");
        if (months < 1 || months > MAX_MONTHS) {
            throw AnalyticsException.invalidArgument(
                    "months", "must be from 1 to " + MAX_MONTHS + " (100 years), was " + months);
        }
        if (!(monthlyDiscountRate >= 0) || Double.isInfinite(monthlyDiscountRate)) {
            throw AnalyticsException.invalidArgument(
                    "monthlyDiscountRate", "must be finite and not negative, was " + monthlyDiscountRate);
        }
        if (!(periodsPerMonth > 0) || Double.isInfinite(periodsPerMonth)) {
            throw AnalyticsException.invalidArgument(
                    "periodsPerMonth", "must be positive and finite, was " + periodsPerMonth);
        }
        this.months = months;
        this.monthlyDiscountRate = monthlyDiscountRate;
        this.periodsPerMonth = periodsPerMonth;
    }

    /**
     * Lifetime value over {@code months} months discounted at {@code monthlyDiscountRate} (0.01 is about 12.7% a
     * year), with months as long as an average Gregorian month in the given unit.
     */
    public static LifetimeValue of(
            PurchaseModel purchases, GammaGammaModel spend, int months, double monthlyDiscountRate, PeriodUnit unit) {
        return new LifetimeValue(purchases, spend, months, monthlyDiscountRate, unit.periodsPerMonth());
    }

    /** As {@link #of(PurchaseModel, GammaGammaModel, int, double, PeriodUnit)} with an explicit month length. */
    public static LifetimeValue of(
            PurchaseModel purchases,
            GammaGammaModel spend,
            int months,
            double monthlyDiscountRate,
            double periodsPerMonth) {
        return new LifetimeValue(purchases, spend, months, monthlyDiscountRate, periodsPerMonth);
    }

    /** The discounted expected value of the customer's purchases over the horizon, as a double. */
    public double estimate(PurchaseHistory history, SpendHistory spendHistory) {
        return spend.expectedSpend(spendHistory) * discountedPurchases(history);
    }

    /**
     * The lifetime value of every customer, in the order of the list, computed in parallel on the common fork-join
     * pool (each value on its own, so the result does not depend on the threads). All months of a customer come
     * from one pass over the model's series. Under BG/NBD the discounted purchases of an active customer depend on
     * the frequency and age alone (the recency enters only through the probability of being active), so they are
     * computed once per distinct (x, T) in a table: a million customers of one year of daily data have about
     * 55,000 of them. Where such a table would be larger than the customer list (ages measured to the second, say)
     * every customer is valued on its own.
     */
    public double[] estimates(List<CustomerSummary> customers) {
        double[] values = new double[customers.size()];
        estimates(customers, values, null);
        return values;
    }

    /**
     * The expected number of purchases of every customer over the whole horizon ({@code months} months), in the
     * order of the list: {@link PurchaseModel#expectedPurchases(PurchaseHistory, double)} of each customer,
     * computed as {@link #estimates} computes the values (in parallel, under BG/NBD once per distinct (x, T)).
     */
    public double[] expectedPurchases(List<CustomerSummary> customers) {
        double[] expected = new double[customers.size()];
        estimates(customers, null, expected);
        return expected;
    }

    /**
     * Both {@link #estimates} and {@link #expectedPurchases} from one pass over the customers (and under BG/NBD one
     * table per distinct (x, T)): fills {@code values} with the lifetime values and {@code expectedPurchases} with
     * the purchases over the horizon, the same doubles as the two give, each array as long as the list. Either may
     * be null, for the other alone.
     */
    public void estimates(List<CustomerSummary> customers, double[] values, double[] expectedPurchases) {
        estimates(customers, values, expectedPurchases, null);
    }

    /**
     * As {@link #estimates(List, double[], double[])}, and fills {@code probabilityAlive} (unless null; as long as
     * the list) with each customer's {@link PurchaseModel#probabilityAlive}, the same doubles, from the same pass
     * over the customers: a report of many customers reads the three from arrays.
     */
    public void estimates(
            List<CustomerSummary> customers, double[] values, double[] expectedPurchases, double[] probabilityAlive) {
        CustomerSummary[] all = customers.toArray(CustomerSummary[]::new);
        requireOnePerCustomer("values", values, all.length);
        requireOnePerCustomer("expectedPurchases", expectedPurchases, all.length);
        requireOnePerCustomer("probabilityAlive", probabilityAlive, all.length);
        if (purchases instanceof BgNbdModel bgNbd
                && byFrequencyAndAge(bgNbd, all, values, expectedPurchases, probabilityAlive)) {
            return;
        }
        double horizon = months * periodsPerMonth;
        IntStream.range(0, all.length).parallel().forEach(i -> {
            if (values != null) {
                values[i] = spend.expectedSpend(SpendHistory.of(all[i])) * discountedPurchases(all[i].history());
            }
            if (expectedPurchases != null) {
                expectedPurchases[i] = purchases.expectedPurchases(all[i].history(), horizon);
            }
            if (probabilityAlive != null) {
                probabilityAlive[i] = purchases.probabilityAlive(all[i].history());
            }
        });
    }

    /**
     * Fills {@code values}, {@code expected} and {@code aliveProbabilities} (where not null) from tables of discounted
     * purchases and purchases over the horizon per (x, T); false when the tables would be too big.
     */
    private boolean byFrequencyAndAge(
            BgNbdModel model, CustomerSummary[] all, double[] values, double[] expected, double[] aliveProbabilities) {
        int n = all.length;
        double[] ages = new double[n];
        int[] frequencies = new int[n];
        ChunkedSum.forEachChunk(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                PurchaseHistory history = all[i].history();
                ages[i] = history.age();
                frequencies[i] = history.frequency();
            }
        });
        int maxFrequency = WeightedHistories.max(frequencies);
        DistinctValues ageRanks = DistinctValues.of(ages);
        double[] distinctAges = ageRanks.values;
        long cells = (long) (maxFrequency + 1) * distinctAges.length;
        if (cells > n) {
            return false;
        }
        int[] cellOf = cells(frequencies, ageRanks);
        boolean[] needed = needed(cellOf, (int) cells);
        double[] discounted = new double[(int) cells];
        double[] overHorizon = new double[(int) cells];
        double[] horizons = horizons();
        IntStream.range(0, (int) cells).parallel().filter(cell -> needed[cell]).forEach(cell -> {
            double[] cumulative = model.expectedPurchasesIfAlive(
                    cell / distinctAges.length, distinctAges[cell % distinctAges.length], horizons);
            discounted[cell] = discounted(cumulative);
            overHorizon[cell] = cumulative[months - 1];
        });
        double[] dropoutLogOdds = new double[maxFrequency + 1];
        for (int x = 1; x <= maxFrequency; x++) {
            dropoutLogOdds[x] = model.dropoutLogOdds(x);
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            int x = frequencies[i];
            double alive = x == 0 ? 1.0 : model.probabilityAlive(all[i].history(), dropoutLogOdds[x]);
            if (values != null) {
                values[i] =
                        spend.expectedSpend(x, SpendHistory.monetaryValueOf(all[i])) * alive * discounted[cellOf[i]];
            }
            if (expected != null) {
                expected[i] = alive * overHorizon[cellOf[i]];
            }
            if (aliveProbabilities != null) {
                aliveProbabilities[i] = alive;
            }
        });
        return true;
    }

    // The loops of byFrequencyAndAge that run once per call are methods of their own, each compiled on its own
    // while it runs (on-stack replacement), where one method holding all of them was compiled again for each loop.

    /** Each customer's cell of the tables: its frequency's row, its age's column. */
    private static int[] cells(int[] frequencies, DistinctValues ageRanks) {
        int[] cellOf = new int[frequencies.length];
        int columns = ageRanks.values.length;
        for (int i = 0; i < cellOf.length; i++) {
            cellOf[i] = frequencies[i] * columns + ageRanks.index[i];
        }
        return cellOf;
    }

    /** The cells some customer is in. */
    private static boolean[] needed(int[] cellOf, int cells) {
        boolean[] needed = new boolean[cells];
        for (int cell : cellOf) {
            needed[cell] = true;
        }
        return needed;
    }

    private static void requireOnePerCustomer(String field, double[] result, int customers) {
        if (result != null && result.length != customers) {
            throw AnalyticsException.invalidArgument(
                    field, "must hold one value per customer, " + customers + ", holds " + result.length);
        }
    }

    private double discountedPurchases(PurchaseHistory history) {
        return discounted(purchases.expectedPurchases(history, horizons()));
    }

    private double[] horizons() {
        double[] horizons = new double[months];
        for (int i = 0; i < months; i++) {
            horizons[i] = (i + 1) * periodsPerMonth;
        }
        return horizons;
    }

    /** The month-by-month increments of cumulative expected purchases, each discounted, added up. */
    private double discounted(double[] cumulative) {
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
