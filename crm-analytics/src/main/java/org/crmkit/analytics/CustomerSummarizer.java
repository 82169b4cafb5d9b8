package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.crmkit.core.common.Require;

/**
 * Turns a stream of purchase records into one {@link CustomerSummary} per customer in a single pass, keeping a
 * fixed-size state per customer (never the transactions).
 *
 * <p>Each customer's records must arrive in date order (records of different customers may interleave freely, so
 * a file sorted by date, or by customer then date, works). A record dated before a day already seen for the same
 * customer is refused with {@link AnalyticsException.Reason#MALFORMED_INPUT}: merging same-day purchases exactly
 * without that order would need every purchase day in memory.
 *
 * <p>Customers whose first purchase falls after the end of calibration are not part of the calibration cohort and
 * are left out of the result. Records after the end of observation are ignored.
 *
 * <p>Not thread-safe: feed one summarizer from one thread (or one per partition).
 */
public final class CustomerSummarizer {

    /** Below this many customers per chunk, summarizing in parallel costs more than it saves. */
    private static final int MIN_CHUNK = 32_768;

    private static final int MAX_CHUNKS = 16;

    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final PeriodUnit unit;
    /** The two ends as epoch days, compared with every record's day (no end of observation: the largest day). */
    private final long calibrationEndDay;

    private final long observationEndDay;
    private CustomerStates customers = new CustomerStates();
    private long records;

    CustomerSummarizer(LocalDate calibrationEnd, LocalDate observationEnd, PeriodUnit unit) {
        this.calibrationEnd = Require.notNull(calibrationEnd, "calibrationEnd");
        this.observationEnd = observationEnd;
        this.unit = Require.notNull(unit, "unit");
        if (observationEnd != null && observationEnd.isBefore(calibrationEnd)) {
            throw AnalyticsException.invalidArgument(
                    "observationEnd", observationEnd + " is before the end of calibration " + calibrationEnd);
        }
        this.calibrationEndDay = calibrationEnd.toEpochDay();
        this.observationEndDay = observationEnd == null ? Long.MAX_VALUE : observationEnd.toEpochDay();
    }

    /** Adds one purchase. */
    public CustomerSummarizer add(PurchaseRecord purchase) {
        long day = purchase.date().toEpochDay();
        if (day > observationEndDay) {
            return this;
        }
        records++;
        customers.add(customers.customer(purchase.customerId()), day, purchase.amount(), day <= calibrationEndDay);
        return this;
    }

    /**
     * Adds one purchase as the CSV reader hands over a simple line, without a record: the customer's ASCII id as
     * bytes, the epoch day, and the amount unscaled with its scale (0 to 18) or, when {@code exactAmount} is not
     * null, as that amount.
     */
    void add(byte[] id, int from, int to, long day, long unscaled, int scale, BigDecimal exactAmount) {
        if (day > observationEndDay) {
            return;
        }
        records++;
        customers.add(customers.customer(id, from, to), day, unscaled, scale, exactAmount, day <= calibrationEndDay);
    }

    /** Adds every purchase of the iterable, in its order. */
    public CustomerSummarizer addAll(Iterable<PurchaseRecord> purchases) {
        purchases.forEach(this::add);
        return this;
    }

    /** Adds every purchase of the stream, in encounter order, and consumes the stream. */
    public CustomerSummarizer addAll(Stream<PurchaseRecord> purchases) {
        purchases.forEachOrdered(this::add);
        return this;
    }

    /**
     * Adds the state of another summarizer of the same calibration, observation end and unit, fed with other
     * customers: the partial results of a run partitioned by customer (by a hash of the id, for instance) merge into
     * exactly what one summarizer fed with all records would hold, in any grouping (the merge is associative). The
     * other summarizer is left unchanged. Customers keep the order of first appearance, this summarizer's first.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#INVALID_ARGUMENT} when the settings differ or
     *                            a customer appears in both (a customer's purchases must go to one partition)
     */
    public CustomerSummarizer merge(CustomerSummarizer other) {
        if (!calibrationEnd.equals(other.calibrationEnd)
                || !Objects.equals(observationEnd, other.observationEnd)
                || unit != other.unit) {
            throw AnalyticsException.invalidArgument("other", "summarizes another period or unit");
        }
        for (int c = 0; c < other.customers.size(); c++) {
            String id = other.customers.id(c);
            if (customers.contains(id)) {
                throw AnalyticsException.invalidArgument(
                        "other",
                        "customer " + id + " appears in both partitions;" + " partition the records by customer");
            }
        }
        for (int c = 0; c < other.customers.size(); c++) {
            customers.copy(other.customers, c);
        }
        records += other.records;
        return this;
    }

    /**
     * An empty summarizer of the same calibration, observation end and unit, with room for this many customers
     * before its tables grow.
     */
    CustomerSummarizer emptyCopy(int expectedCustomers) {
        CustomerSummarizer copy = new CustomerSummarizer(calibrationEnd, observationEnd, unit);
        copy.customers = new CustomerStates(expectedCustomers);
        return copy;
    }

    /**
     * Adds what an {@linkplain #emptyCopy(int) empty copy} was fed with after this summarizer: the purchases of the next
     * part of the same input. This summarizer then holds what one fed with both parts in order holds, to the last
     * digit and scale and in the same order of customers. {@code later} must not be used afterwards (an empty
     * summarizer takes over its state).
     *
     * @return false, and this summarizer unchanged, when a customer's purchases there start before its last day here,
     *         which one pass would have refused (with the line, which only that pass knows)
     */
    boolean follow(CustomerSummarizer later) {
        if (customers.size() == 0 && records == 0) {
            customers = later.customers;
        } else if (!customers.follow(later.customers)) {
            return false;
        }
        records += later.records;
        return true;
    }

    /** Number of records added so far, inside the observation window. */
    public long recordCount() {
        return records;
    }

    /**
     * The summaries of the calibration cohort, in the order customers first appeared; those of many customers (more
     * than 65,536) are made in parallel chunks on the common fork-join pool, each on its own.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#EMPTY_INPUT} when no customer made a
     *                            purchase in calibration
     */
    public List<CustomerSummary> summaries() {
        int n = customers.size();
        CustomerSummary[] all = new CustomerSummary[n];
        long end = calibrationEnd.toEpochDay();
        // Chunks of customers in parallel: each summary on its own, so the result does not depend on the threads.
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, n / MIN_CHUNK));
        SummaryValues shared = new SummaryValues(n, end, unit);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            CustomerStates.DayCache days = new CustomerStates.DayCache();
            for (int c = (int) ((long) n * chunk / chunks); c < (int) ((long) n * (chunk + 1) / chunks); c++) {
                if (customers.inCalibrationCohort(c)) {
                    all[c] = customers.summary(c, customers.id(c), end, days, shared);
                }
            }
        });
        List<CustomerSummary> result = new ArrayList<>(n);
        for (CustomerSummary summary : all) {
            if (summary != null) {
                result.add(summary);
            }
        }
        if (result.isEmpty()) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.EMPTY_INPUT,
                    "purchases",
                    "no customer made a purchase on or before the end of calibration " + calibrationEnd);
        }
        return result;
    }
}
