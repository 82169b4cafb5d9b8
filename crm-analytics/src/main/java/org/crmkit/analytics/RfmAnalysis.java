package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * Classic RFM scoring: each of recency, frequency and monetary value is scored 1..q by quantiles, and
 * (R, F) is named by a {@link SegmentMap}.
 *
 * <p>Tie rule: customers are ranked by the value, ascending (recency: days since last purchase, descending, so that
 * the most recent rank last); a customer's score is {@code 1 + floor(q * i / n)} where {@code i} is the 0-based rank
 * of the first customer holding the same value. Equal values therefore always share a score, the result does not
 * depend on input order, and a heavily tied value sits in the quantile where its block starts (so some scores may be
 * unused when one value covers more than 1/q of the customers).
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmAnalysis {

    /** Which spend the M of RFM measures. */
    public enum Monetary {
        /** Total spend in calibration. */
        TOTAL,
        /** Average spend per purchase day in calibration. */
        AVERAGE
    }

    private final SegmentMap segments;
    private final Monetary monetary;

    private RfmAnalysis(SegmentMap segments, Monetary monetary) {
        this.segments = Require.notNull(segments, "segments");
        this.monetary = Require.notNull(monetary, "monetary");
    }

    /** Scores 1..5 with the {@linkplain SegmentMap#standard() standard segments} and total spend. */
    public static RfmAnalysis standard() {
        return new RfmAnalysis(SegmentMap.standard(), Monetary.TOTAL);
    }

    /** Scores 1..q where q is the segment map's score count. */
    public static RfmAnalysis of(SegmentMap segments, Monetary monetary) {
        return new RfmAnalysis(segments, monetary);
    }

    /** Scores the customers and totals the segments. */
    public RfmReport score(List<CustomerSummary> customers) {
        int n = customers.size();
        if (n == 0) {
            throw new AnalyticsException(AnalyticsException.Reason.EMPTY_INPUT, "customers", "no customer to score");
        }
        int q = segments.scores();
        long[] recency = new long[n];
        long[] frequency = new long[n];
        BigDecimal[] money = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            CustomerSummary c = customers.get(i);
            recency[i] = -c.daysSinceLastPurchase();
            frequency[i] = c.purchases();
            money[i] = RfmScale.monetaryOf(c, monetary);
        }
        int[] r = quantileScores(recency, q);
        int[] f = quantileScores(frequency, q);
        int[] m = quantileScores(money, q);
        List<RfmScore> scores = new ArrayList<>(n);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            CustomerSummary c = customers.get(i);
            String segment = segments.segmentOf(r[i], f[i]);
            scores.add(new RfmScore(
                    c.customerId(), c.daysSinceLastPurchase(), c.purchases(), money[i], r[i], f[i], m[i], segment));
            counts.computeIfAbsent(segment, k -> new int[1])[0]++;
            values.merge(segment, c.totalSpend(), BigDecimal::add);
        }
        List<RfmReport.SegmentTotals> totals = new ArrayList<>();
        counts.forEach(
                (segment, count) -> totals.add(new RfmReport.SegmentTotals(segment, count[0], values.get(segment))));
        totals.sort(Comparator.comparingInt(RfmReport.SegmentTotals::customers)
                .reversed()
                .thenComparing(RfmReport.SegmentTotals::segment));
        return new RfmReport(scores, totals);
    }

    /**
     * An empty tally of the values this analysis scores. A run over partitions of the customers tallies each
     * partition, merges the tallies, makes a {@link #scale} of the whole and scores every customer with it.
     */
    public RfmScale.Tally tally() {
        return new RfmScale.Tally(monetary);
    }

    /**
     * The quantile boundaries of the tallied customer base under this analysis.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#EMPTY_INPUT} when no customer was tallied,
     *                            with {@link AnalyticsException.Reason#INVALID_ARGUMENT} when the tally measures spend
     *                            another way than this analysis
     */
    public RfmScale scale(RfmScale.Tally tally) {
        Require.notNull(tally, "tally");
        if (tally.monetary() != monetary) {
            throw AnalyticsException.invalidArgument(
                    "tally", "measures spend as " + tally.monetary() + ", this analysis as " + monetary);
        }
        return new RfmScale(tally, segments);
    }

    /**
     * Scores by the tie rule of the class comment with one primitive sort: a value's score depends only on the rank
     * of the first equal value, looked up among the distinct values (few for days and counts).
     */
    static int[] quantileScores(long[] values, int q) {
        int n = values.length;
        long[] distinct = values.clone();
        Arrays.parallelSort(distinct);
        int[] firstRank = new int[n];
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || distinct[k] != distinct[k - 1]) {
                distinct[count] = distinct[k];
                firstRank[count++] = k;
            }
        }
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int rank = firstRank[Arrays.binarySearch(distinct, 0, count, values[i])];
            scores[i] = 1 + (int) ((long) q * rank / n);
        }
        return scores;
    }

    /**
     * Amounts scored exactly as longs counting units of their largest scale (cents for money with two decimals);
     * amounts that do not fit (such as averages with many decimals) are compared as {@link BigDecimal}s.
     */
    static int[] quantileScores(BigDecimal[] values, int q) {
        int scale = 0;
        for (BigDecimal v : values) {
            scale = Math.max(scale, v.scale());
        }
        long[] units = new long[values.length];
        try {
            for (int i = 0; i < values.length; i++) {
                units[i] = values[i].setScale(scale).unscaledValue().longValueExact();
            }
        } catch (ArithmeticException tooLong) {
            return comparedQuantileScores(values, q);
        }
        return quantileScores(units, q);
    }

    /** The same scores by a sort of indexes comparing the values themselves. */
    static <T extends Comparable<? super T>> int[] comparedQuantileScores(T[] values, int q) {
        int n = values.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> values[i].compareTo(values[j]));
        int[] scores = new int[n];
        int blockStart = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && values[order[k]].compareTo(values[order[k - 1]]) != 0) {
                blockStart = k;
            }
            scores[order[k]] = 1 + (int) ((long) q * blockStart / n);
        }
        return scores;
    }
}
