package org.crmkit.analytics;

import java.math.BigDecimal;

/**
 * One customer's classic RFM values, their quantile scores and segment.
 *
 * @param customerId     the customer
 * @param recencyDays    days from the last purchase to the end of calibration
 * @param frequency      number of purchase days
 * @param monetary       total or average spend, as the analysis was configured
 * @param recencyScore   1..q, q for the most recent customers
 * @param frequencyScore 1..q, q for the most frequent
 * @param monetaryScore  1..q, q for the highest spend
 * @param segment        the segment of (recency score, frequency score)
 */
public record RfmScore(
        String customerId,
        long recencyDays,
        int frequency,
        BigDecimal monetary,
        int recencyScore,
        int frequencyScore,
        int monetaryScore,
        String segment) {

    /** The three scores as a code such as {@code "545"}. */
    public String code() {
        return "" + recencyScore + frequencyScore + monetaryScore;
    }
}
