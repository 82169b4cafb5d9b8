package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sales forecasts from purchase history, two documented methods to set side by side:
 * <ul>
 *   <li>{@link #expectedRevenue}: the model-based forecast, summing over the customers the expected purchases in the
 *       next period (from a fitted {@link PurchaseModel}) times the expected spend per purchase (from a fitted
 *       {@link GammaGammaModel}); it covers the existing customers only, no new acquisitions;</li>
 *   <li>{@link #seasonalNaive}: the baseline, each future month's revenue equal to the same month one year before.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class SalesForecast {

    private SalesForecast() {
    }

    /** Expected revenue of the existing customers in the next {@code periods} periods of the models' unit. */
    public static double expectedRevenue(PurchaseModel purchases, GammaGammaModel spend,
                                         List<CustomerSummary> customers, double periods) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        double total = 0;
        for (CustomerSummary c : customers) {
            total += purchases.expectedPurchases(c.history(), periods) * spend.expectedSpend(SpendHistory.of(c));
        }
        return total;
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
    public static Map<YearMonth, BigDecimal> seasonalNaive(SortedMap<YearMonth, BigDecimal> monthlyRevenue,
                                                           int months) {
        if (months < 1) {
            throw AnalyticsException.invalidArgument("months", "must be at least 1, was " + months);
        }
        if (monthlyRevenue.isEmpty()
                || monthlyRevenue.firstKey().plusMonths(11).isAfter(monthlyRevenue.lastKey())) {
            throw new AnalyticsException(AnalyticsException.Reason.INSUFFICIENT_DATA, "monthlyRevenue",
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
