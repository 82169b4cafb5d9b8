package org.crmkit.analytics;

import java.math.BigDecimal;

/**
 * Immutable values that many summaries of one call hold equal, made once and shared: the small amounts of up to three
 * decimals (customers' totals repeat: the 300,000 customers of the benchmark's file have 51,454 distinct ones) and
 * the purchase histories of customers without a repeat purchase, which depend on their first day alone. Each is an
 * object fewer for every collection that copies the summaries (some 300,000 fewer of about 1.75 million there).
 *
 * <p>The summaries of one call are made on several threads at once, which share one instance without a lock: a slot
 * holds nothing or a complete immutable value (its fields final), so a thread that reads it empty, or whose value
 * another overwrites, only makes an equal value of its own.
 */
final class SummaryValues {

    /** At most the amounts whose unscaled value is below this (and not negative), of scale 0 to 3. */
    private static final int AMOUNTS = 1 << 16;

    private static final int SCALES = 4;
    /** At most the histories of customers without a repeat purchase whose age is below this many days. */
    private static final int AGES = 1 << 14;

    private final BigDecimal[][] amounts = new BigDecimal[SCALES][];
    /** How many amounts of each scale are shared: no more than there are customers. */
    private final int sharedAmounts;

    private final PurchaseHistory[] firstPurchasesOnly;
    private final long calibrationEnd;
    private final PeriodUnit unit;

    /**
     * For the summaries of this many customers with a calibration ending on this epoch day, in this unit (the tables
     * no larger than the customers need).
     */
    SummaryValues(int customers, long calibrationEnd, PeriodUnit unit) {
        this.calibrationEnd = calibrationEnd;
        this.unit = unit;
        int atLeast = Math.max(16, customers);
        this.sharedAmounts = Math.min(AMOUNTS, atLeast);
        this.firstPurchasesOnly = new PurchaseHistory[Math.min(AGES, atLeast)];
        // Made here, zeros included, not at their first use: a path taken once per call looks never taken to the
        // compiler (the first call's comes before the profile starts), and its use in the next call throws the
        // compiled summaries away.
        for (int scale = 0; scale < SCALES; scale++) {
            amounts[scale] = new BigDecimal[sharedAmounts];
            amounts[scale][0] = BigDecimal.valueOf(0, scale);
        }
    }

    /** {@code BigDecimal.valueOf(unscaled, scale)}, shared where it is small. */
    BigDecimal amount(long unscaled, int scale) {
        if (unscaled < 0 || unscaled >= sharedAmounts || scale < 0 || scale >= SCALES) {
            return BigDecimal.valueOf(unscaled, scale);
        }
        BigDecimal[] ofScale = amounts[scale];
        BigDecimal amount = ofScale[(int) unscaled];
        if (amount == null) {
            amount = BigDecimal.valueOf(unscaled, scale);
            ofScale[(int) unscaled] = amount;
        }
        return amount;
    }

    /** The purchase history of a customer of this frequency, first and last day, as a summary holds it. */
    PurchaseHistory history(int frequency, long firstDay, long lastDay) {
        long ageDays = calibrationEnd - firstDay;
        if (frequency != 0 || lastDay != firstDay || ageDays < 0 || ageDays >= firstPurchasesOnly.length) {
            return new PurchaseHistory(frequency, unit.fromDays(lastDay - firstDay), unit.fromDays(ageDays));
        }
        PurchaseHistory history = firstPurchasesOnly[(int) ageDays];
        if (history == null) {
            history = new PurchaseHistory(0, unit.fromDays(0), unit.fromDays(ageDays));
            firstPurchasesOnly[(int) ageDays] = history;
        }
        return history;
    }
}
