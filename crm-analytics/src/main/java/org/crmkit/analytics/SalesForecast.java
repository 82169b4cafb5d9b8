package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crmkit.core.common.Require;

/**
 * Sales forecasts from purchase history, two documented methods to set side by side:
 * <ul>
 *   <li>{@link #expectedRevenue}: the model-based forecast, summing over the customers the expected purchases in the
 *       next period (from a fitted {@link PurchaseModel}) times the expected spend per purchase (from a fitted
 *       {@link GammaGammaModel}); it covers the existing customers only, no new acquisitions;
 *       {@link #expectedMonthlyRevenue} spreads it over the months;</li>
 *   <li>{@link #seasonalNaive}: the baseline, each future month's revenue equal to the same month one year before.</li>
 * </ul>
 * The forecast from the CRM's open opportunities is {@code org.crmkit.analytics.crm.PipelineForecast}.
 * Stateless and thread-safe.
 */
public final class SalesForecast {

    private SalesForecast() {}

    /** Expected revenue of the existing customers in the next {@code periods} periods of the models' unit. */
    public static double expectedRevenue(
            PurchaseModel purchases, GammaGammaModel spend, List<CustomerSummary> customers, double periods) {
        Require.notNull(purchases, "purchases");
        Require.notNull(spend, "spend");
        double total = 0;
        for (CustomerSummary c : customers) {
            total += purchases.expectedPurchases(c.history(), periods) * spend.expectedSpend(SpendHistory.of(c));
        }
        return total;
    }

    /**
     * The model-based forecast month by month: element {@code i} is the expected revenue of the existing customers
     * in month {@code i + 1} after the end of calibration (months as long as an average Gregorian month in
     * {@code unit}), their expected purchases in that month times their expected spend per purchase. Customers are
     * summed in parallel chunks in a fixed order, so the result does not depend on the threads.
     */
    public static double[] expectedMonthlyRevenue(
            PurchaseModel purchases,
            GammaGammaModel spend,
            List<CustomerSummary> customers,
            int months,
            PeriodUnit unit) {
        Require.notNull(purchases, "purchases");
        Require.notNull(spend, "spend");
        if (months < 1) {
            throw AnalyticsException.invalidArgument("months", "must be at least 1, was " + months);
        }
        double[] horizons = new double[months];
        for (int i = 0; i < months; i++) {
            horizons[i] = (i + 1) * unit.periodsPerMonth();
        }
        CustomerSummary[] all = customers.toArray(CustomerSummary[]::new);
        return ChunkedSum.of(all.length, months, (from, to, sums) -> {
            for (int c = from; c < to; c++) {
                double[] cumulative = purchases.expectedPurchases(all[c].history(), horizons);
                double perPurchase = spend.expectedSpend(SpendHistory.of(all[c]));
                double previous = 0;
                for (int i = 0; i < months; i++) {
                    sums[i] += (cumulative[i] - previous) * perPurchase;
                    previous = cumulative[i];
                }
            }
        });
    }

    /** Revenue per calendar month of the purchases, in month order; consumes the stream. */
    public static SortedMap<YearMonth, BigDecimal> monthlyRevenue(Stream<PurchaseRecord> purchases) {
        SortedMap<YearMonth, BigDecimal> result = new TreeMap<>();
        purchases.forEach(p -> result.merge(YearMonth.from(p.date()), p.amount(), BigDecimal::add));
        return result;
    }

    /**
     * The seasonal-naive forecast of the {@code months} months after the last month of {@code monthlyRevenue}: each
     * month repeats the revenue of the same month a year earlier (a month missing from the history counts as 0).
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INSUFFICIENT_DATA} when the history spans
     *                            less than 12 months
     */
    public static Map<YearMonth, BigDecimal> seasonalNaive(
            SortedMap<YearMonth, BigDecimal> monthlyRevenue, int months) {
        if (months < 1) {
            throw AnalyticsException.invalidArgument("months", "must be at least 1, was " + months);
        }
        if (monthlyRevenue.isEmpty() || monthlyRevenue.firstKey().plusMonths(11).isAfter(monthlyRevenue.lastKey())) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    "monthlyRevenue",
                    "a seasonal forecast needs at least 12 months of history");
        }
        Map<YearMonth, BigDecimal> forecast = new LinkedHashMap<>();
        YearMonth last = monthlyRevenue.lastKey();
        for (int i = 1; i <= months; i++) {
            YearMonth month = last.plusMonths(i);
            YearMonth sameMonthBefore = month.minusYears((i - 1) / 12 + 1);
            forecast.put(month, monthlyRevenue.getOrDefault(sameMonthBefore, BigDecimal.ZERO));
        }
        return Collections.unmodifiableMap(forecast);
    }
}
