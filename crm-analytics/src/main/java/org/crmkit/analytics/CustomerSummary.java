package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer's calibration-period summary, in both the BG/NBD style (frequency, recency, T, monetary value) and the
 * classic RFM style (days since last purchase, number of purchases, total spend), plus the holdout period.
 * Purchases of one customer on one day count as one purchase whose amount is the day's total.
 *
 * @param customerId            the customer
 * @param firstPurchase         day of the first purchase
 * @param lastPurchase          day of the last purchase in calibration
 * @param purchases             number of purchase days in calibration (at least 1)
 * @param history               frequency ({@code purchases - 1}), recency and T in the summary's {@link PeriodUnit}
 * @param totalSpend            sum of all calibration amounts
 * @param monetaryValue         mean of the repeat purchase days' totals (the first day excluded); 0 without repeats
 * @param daysSinceLastPurchase days from the last purchase to the end of calibration (classic RFM recency)
 * @param holdoutPurchases      number of purchase days after calibration, up to the end of observation
 * @param holdoutSpend          sum of the holdout amounts
 */
public record CustomerSummary(
        String customerId,
        LocalDate firstPurchase,
        LocalDate lastPurchase,
        int purchases,
        PurchaseHistory history,
        BigDecimal totalSpend,
        BigDecimal monetaryValue,
        long daysSinceLastPurchase,
        int holdoutPurchases,
        BigDecimal holdoutSpend) {

    /** Number of repeat purchases, the models' {@code x}. */
    public int frequency() {
        return history.frequency();
    }

    /** Mean spend per purchase day over all calibration purchases, the first included. */
    public BigDecimal averageSpend() {
        return totalSpend.divide(BigDecimal.valueOf(purchases), Money.CONTEXT);
    }
}
