package org.crmkit.analytics.spark;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * SummaryRows}, one per customer of the calibration cohort.
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

    private final Settings settings;

    PurchaseSummaries(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> purchases) {
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
        // the summarizer refuses to summarize a partition without a calibration purchase (it has no cohort)
        boolean anyInCalibration = false;
        while (purchases.hasNext()) {
            PurchaseRecord purchase = record(purchases.next());
            long day = purchase.date().toEpochDay();
            summarizer.add(purchase);
            anyInCalibration |= day <= calibrationEnd;
            if (profitability != null && day <= observationEnd) {
                profitability.add(purchase);
            }
        }
        if (!anyInCalibration) {
            return List.<Row>of().iterator();
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
