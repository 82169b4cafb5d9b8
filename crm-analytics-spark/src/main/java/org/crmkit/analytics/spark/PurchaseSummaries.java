package org.crmkit.analytics.spark;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseRecord;

/**
 * Summarizes one partition of purchases with crmkit's own {@link CustomerSummarizer} (and {@link Profitability} for
 * the tiers). The partition holds every purchase of its customers (the input is partitioned by customer), sorted by
 * customer and date, which is the order the summarizer needs.
 *
 * <p>Input rows: customer id (string), epoch day (int), amount (string, read as a decimal). Output: {@link
 * SummaryRows}, one per customer of the calibration cohort, streamed a batch of customers at a time.
 */
final class PurchaseSummaries implements MapPartitionsFunction<Row, Row> {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * What the summaries depend on.
     *
     * @param costPerOrder null when no tiers are asked for
     */
    record Settings(
            LocalDate calibrationEnd,
            LocalDate observationEnd,
            PeriodUnit unit,
            BigDecimal costPerOrder,
            BigDecimal keyThreshold)
            implements Serializable {}

    /** Customers summarized at a time, so that a partition's memory is bounded by a batch, not by its size. */
    static final int CUSTOMERS_PER_BATCH = 10_000;

    private final Settings settings;
    private final int customersPerBatch;

    PurchaseSummaries(Settings settings, int customersPerBatch) {
        this.settings = settings;
        this.customersPerBatch = customersPerBatch;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> purchases) {
        Batches batches = new Batches(purchases);
        return new Batched(batches::inputLeft, batches::summarizeBatch);
    }

    /**
     * The partition's purchases cut into batches of customers: they come sorted by customer, so a batch ends where
     * a customer ends, and each batch has its own summarizer.
     */
    private final class Batches {
        private final Iterator<Row> purchases;
        /** The first purchase of the next batch, read while looking for the end of this one. */
        private PurchaseRecord pending;

        Batches(Iterator<Row> purchases) {
            this.purchases = purchases;
        }

        boolean inputLeft() {
            return pending != null || purchases.hasNext();
        }

        private Iterator<Row> summarizeBatch() {
            CustomerSummarizer summarizer = settings.observationEnd() == null
                    ? Analytics.summarizer(settings.calibrationEnd(), settings.unit())
                    : Analytics.summarizer(settings.calibrationEnd(), settings.observationEnd(), settings.unit());
            Profitability profitability = settings.costPerOrder() == null
                    ? null
                    : Profitability.of(settings.costPerOrder(), settings.keyThreshold());
            long calibrationEnd = settings.calibrationEnd().toEpochDay();
            long observationEnd = settings.observationEnd() == null
                    ? Long.MAX_VALUE
                    : settings.observationEnd().toEpochDay();
            // the summarizer refuses to summarize a batch without a calibration purchase (it has no cohort)
            boolean anyInCalibration = false;
            int customers = 0;
            String customer = null;
            while (pending != null || purchases.hasNext()) {
                PurchaseRecord purchase = pending != null ? pending : record(purchases.next());
                pending = null;
                if (!purchase.customerId().equals(customer)) {
                    if (customers == customersPerBatch) {
                        pending = purchase;
                        break;
                    }
                    customer = purchase.customerId();
                    customers++;
                }
                long day = purchase.date().toEpochDay();
                summarizer.add(purchase);
                anyInCalibration |= day <= calibrationEnd;
                if (profitability != null && day <= observationEnd) {
                    profitability.add(purchase);
                }
            }
            if (!anyInCalibration) {
                return Collections.emptyIterator();
            }
            Map<String, Profitability.CustomerProfit> profits = new HashMap<>();
            if (profitability != null) {
                profitability.customers().forEach(p -> profits.put(p.customerId(), p));
            }
            List<CustomerSummary> summaries = summarizer.summaries();
            List<Row> rows = new ArrayList<>(summaries.size());
            for (CustomerSummary summary : summaries) {
                rows.add(SummaryRows.of(summary, profits.get(summary.customerId())));
            }
            return rows.iterator();
        }
    }

    private static PurchaseRecord record(Row row) {
        if (row.isNullAt(1)) {
            throw AnalyticsException.of(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "date",
                    "is missing or not a date for customer " + row.getString(0));
        }
        LocalDate date = LocalDate.ofEpochDay(row.getInt(1));
        String amount = row.getString(2);
        if (amount == null) {
            throw AnalyticsException.of(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "amount",
                    "is missing for customer " + row.getString(0) + " on " + date);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException notANumber) {
            throw AnalyticsException.of(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "amount",
                    "'" + amount + "' is not a number (customer " + row.getString(0) + " on " + date + ")");
        }
        return PurchaseRecord.of(row.getString(0), date, value);
    }
}
