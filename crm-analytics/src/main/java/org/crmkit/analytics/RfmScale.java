package org.crmkit.analytics;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.crmkit.core.common.Require;

/**
 * The quantile boundaries of one {@link RfmAnalysis} over a whole customer base, so that customers can be scored one
 * at a time (in the partitions of a distributed run) with exactly the scores and segments that
 * {@link RfmAnalysis#score(List)} gives them among all customers of the base. Built by
 * {@link RfmAnalysis#scale(Tally)} from a {@link Tally} of every customer.
 *
 * <p>Under the tie rule of {@link RfmAnalysis} a value scores {@code 1 + floor(q L / n)}, L the number of customers
 * below it, so a value scores at least s exactly when it is above the value of rank {@code ceil((s - 1) n / q) - 1}
 * in ascending order: the scale keeps those q - 1 values per measure.
 *
 * <p>Immutable, thread-safe and serializable (to ship to the workers of a cluster).
 */
public final class RfmScale implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RfmAnalysis.Monetary monetary;
    /** Per measure, the value of rank ceil((s - 1) n / q) - 1 for s = 2..q; recency as negated days. */
    private final long[] recencyBounds;

    private final long[] frequencyBounds;
    private final BigDecimal[] monetaryBounds;
    /** The segment of each (recency score, frequency score), row-major from (1, 1). */
    private final String[] segments;

    private final int scores;

    RfmScale(Tally tally, SegmentMap segmentMap) {
        if (tally.customers == 0) {
            throw new AnalyticsException(AnalyticsException.Reason.EMPTY_INPUT, "customers", "no customer to score");
        }
        this.scores = segmentMap.scores();
        this.monetary = tally.monetary;
        this.recencyBounds = bounds(tally.recency, tally.customers, scores).stream()
                .mapToLong(Long::longValue)
                .toArray();
        this.frequencyBounds = bounds(tally.frequency, tally.customers, scores).stream()
                .mapToLong(Long::longValue)
                .toArray();
        this.monetaryBounds = bounds(tally.money, tally.customers, scores).toArray(BigDecimal[]::new);
        this.segments = new String[scores * scores];
        for (int r = 1; r <= scores; r++) {
            for (int f = 1; f <= scores; f++) {
                segments[(r - 1) * scores + f - 1] = segmentMap.segmentOf(r, f);
            }
        }
    }

    /** The values of rank ceil((s - 1) n / q) - 1, s = 2..q, among the counted values. */
    private static <T extends Comparable<? super T>> List<T> bounds(NavigableMap<T, Long> counts, long n, int q) {
        List<T> bounds = new ArrayList<>(q - 1);
        long below = 0;
        int s = 2;
        for (Map.Entry<T, Long> value : counts.entrySet()) {
            below += value.getValue();
            // ranks up to below - 1 hold this value
            while (s <= q && ceilDiv((s - 1) * n, q) - 1 < below) {
                bounds.add(value.getKey());
                s++;
            }
        }
        return bounds;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** The customer's scores and segment, as {@link RfmAnalysis#score(List)} gives them among the whole base. */
    public RfmScore score(CustomerSummary customer) {
        Require.notNull(customer, "customer");
        BigDecimal money = monetaryOf(customer, monetary);
        int r = 1;
        int f = 1;
        int m = 1;
        for (int k = 0; k < scores - 1; k++) {
            r += -customer.daysSinceLastPurchase() > recencyBounds[k] ? 1 : 0;
            f += customer.purchases() > frequencyBounds[k] ? 1 : 0;
            m += money.compareTo(monetaryBounds[k]) > 0 ? 1 : 0;
        }
        return new RfmScore(
                customer.customerId(),
                customer.daysSinceLastPurchase(),
                customer.purchases(),
                money,
                r,
                f,
                m,
                segments[(r - 1) * scores + f - 1]);
    }

    static BigDecimal monetaryOf(CustomerSummary customer, RfmAnalysis.Monetary monetary) {
        return monetary == RfmAnalysis.Monetary.TOTAL ? customer.totalSpend() : customer.averageSpend();
    }

    /**
     * How many customers hold each recency, frequency and monetary value, tallied from any part of the customer base
     * and merged: memory in proportion to the distinct values (few for days and purchase counts, at most one per
     * customer for spend). Created by {@link RfmAnalysis#tally()}; not thread-safe (one per partition), serializable.
     */
    public static final class Tally implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final RfmAnalysis.Monetary monetary;
        /** Customers per negated number of days since the last purchase (ascending = least recent first). */
        private final TreeMap<Long, Long> recency = new TreeMap<>();

        private final TreeMap<Long, Long> frequency = new TreeMap<>();
        private final TreeMap<BigDecimal, Long> money = new TreeMap<>();
        private long customers;

        Tally(RfmAnalysis.Monetary monetary) {
            this.monetary = monetary;
        }

        /** Counts one customer; each customer of the base must be counted once, in one of the merged tallies. */
        public Tally add(CustomerSummary customer) {
            Require.notNull(customer, "customer");
            recency.merge(-customer.daysSinceLastPurchase(), 1L, Long::sum);
            frequency.merge((long) customer.purchases(), 1L, Long::sum);
            money.merge(monetaryOf(customer, monetary), 1L, Long::sum);
            customers++;
            return this;
        }

        /**
         * Adds the counts of another tally of the same monetary measure (the other is left unchanged).
         *
         * @throws AnalyticsException with {@link AnalyticsException.Reason#INVALID_ARGUMENT} when the other tally
         *                            measures spend another way
         */
        public Tally merge(Tally other) {
            if (other.monetary != monetary) {
                throw AnalyticsException.invalidArgument(
                        "other", "measures spend as " + other.monetary + ", this tally as " + monetary);
            }
            other.recency.forEach((value, count) -> recency.merge(value, count, Long::sum));
            other.frequency.forEach((value, count) -> frequency.merge(value, count, Long::sum));
            other.money.forEach((value, count) -> money.merge(value, count, Long::sum));
            customers += other.customers;
            return this;
        }

        /** Number of customers counted. */
        public long customers() {
            return customers;
        }

        RfmAnalysis.Monetary monetary() {
            return monetary;
        }
    }
}
