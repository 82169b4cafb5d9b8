package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of an RFM analysis.
 *
 * @param scores   one score per customer, in input order
 * @param segments customers and total spend per segment, largest segment first (ties by name)
 */
public record RfmReport(List<RfmScore> scores, List<SegmentTotals> segments) {

    /** Copies the lists. */
    public RfmReport {
        scores = List.copyOf(scores);
        segments = List.copyOf(segments);
    }

    /**
     * One segment's size and value.
     *
     * @param segment   the segment name
     * @param customers number of customers in it
     * @param value     their total calibration spend
     */
    public record SegmentTotals(String segment, int customers, BigDecimal value) {}
}
