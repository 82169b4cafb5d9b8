package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final PeriodUnit unit;
    /** The two ends as epoch days, compared with every record's day (no end of observation: the largest day). */
    private final long calibrationEndDay;

    private final long observationEndDay;
    private final Map<String, CustomerState> customers = new LinkedHashMap<>();
    private long records;
    /** The customer of the last record and its state: a file sorted by customer looks each one up once. */
    private String lastCustomerId;

    private CustomerState lastState;

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
        String id = purchase.customerId();
        if (!id.equals(lastCustomerId)) {
            lastState = customers.computeIfAbsent(id, key -> new CustomerState());
            lastCustomerId = id;
        }
        lastState.add(id, day, purchase.amount(), day <= calibrationEndDay);
        return this;
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
        for (String id : other.customers.keySet()) {
            if (customers.containsKey(id)) {
                throw AnalyticsException.invalidArgument(
                        "other",
                        "customer " + id + " appears in both partitions;" + " partition the records by customer");
            }
        }
        other.customers.forEach((id, state) -> customers.put(id, state.copy()));
        records += other.records;
        return this;
    }

    /** Number of records added so far, inside the observation window. */
    public long recordCount() {
        return records;
    }

    /**
     * The summaries of the calibration cohort, in the order customers first appeared.
     *
     * @throws AnalyticsException with {@link AnalyticsException.Reason#EMPTY_INPUT} when no customer made a
     *                            purchase in calibration
     */
    public List<CustomerSummary> summaries() {
        List<CustomerSummary> result = new ArrayList<>(customers.size());
        long end = calibrationEnd.toEpochDay();
        customers.forEach((id, state) -> {
            if (state.purchaseDays > 0) {
                result.add(state.toSummary(id, end, unit));
            }
        });
        if (result.isEmpty()) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.EMPTY_INPUT,
                    "purchases",
                    "no customer made a purchase on or before the end of calibration " + calibrationEnd);
        }
        return result;
    }

    /** Fixed-size running state of one customer. */
    private static final class CustomerState {
        private long firstDay;
        private long lastDay;
        private int purchaseDays;
        private BigDecimal firstDayAmount = BigDecimal.ZERO;
        private BigDecimal total = BigDecimal.ZERO;
        private long lastSeenDay = Long.MIN_VALUE;
        private int holdoutDays;
        private BigDecimal holdoutTotal = BigDecimal.ZERO;

        CustomerState copy() {
            CustomerState copy = new CustomerState();
            copy.firstDay = firstDay;
            copy.lastDay = lastDay;
            copy.purchaseDays = purchaseDays;
            copy.firstDayAmount = firstDayAmount;
            copy.total = total;
            copy.lastSeenDay = lastSeenDay;
            copy.holdoutDays = holdoutDays;
            copy.holdoutTotal = holdoutTotal;
            return copy;
        }

        void add(String customerId, long day, BigDecimal amount, boolean inCalibration) {
            if (day < lastSeenDay) {
                throw new AnalyticsException(
                        AnalyticsException.Reason.MALFORMED_INPUT,
                        "date",
                        "customer " + customerId + " has a purchase on " + LocalDate.ofEpochDay(day)
                                + " after one on " + LocalDate.ofEpochDay(lastSeenDay)
                                + "; feed each customer's purchases in date order");
            }
            boolean newDay = day != lastSeenDay;
            lastSeenDay = day;
            if (!inCalibration) {
                if (newDay) {
                    holdoutDays++;
                }
                holdoutTotal = holdoutTotal.add(amount);
                return;
            }
            if (purchaseDays == 0) {
                firstDay = day;
            }
            if (newDay) {
                purchaseDays++;
                lastDay = day;
            }
            if (day == firstDay) {
                firstDayAmount = firstDayAmount.add(amount);
            }
            total = total.add(amount);
        }

        CustomerSummary toSummary(String id, long calibrationEnd, PeriodUnit unit) {
            int frequency = purchaseDays - 1;
            BigDecimal repeatSpend = total.subtract(firstDayAmount);
            BigDecimal monetary =
                    frequency == 0 ? BigDecimal.ZERO : repeatSpend.divide(BigDecimal.valueOf(frequency), Money.CONTEXT);
            PurchaseHistory history = new PurchaseHistory(
                    frequency, unit.fromDays(lastDay - firstDay), unit.fromDays(calibrationEnd - firstDay));
            return new CustomerSummary(
                    id,
                    LocalDate.ofEpochDay(firstDay),
                    LocalDate.ofEpochDay(lastDay),
                    purchaseDays,
                    history,
                    total,
                    monetary,
                    calibrationEnd - lastDay,
                    holdoutDays,
                    holdoutTotal);
        }
    }
}
