package org.crmkit.analytics;

import java.time.LocalDate;

/**
 * Entry point of crmkit analytics: customer summaries, RFM, purchase and spend models, lifetime value and
 * profitability over plain {@link PurchaseRecord}s.
 *
 * <p>A typical run reads purchases, summarizes them per customer, fits a purchase model and a spend model and values
 * each customer:
 * <pre>{@code
 * CustomerSummarizer summarizer = Analytics.summarizer(LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
 * Analytics.csv().datePattern("yyyyMMdd").build().read(file, summarizer::add);
 * List<CustomerSummary> customers = summarizer.summaries();
 * BgNbdModel purchases = BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
 * }</pre>
 *
 * <p>All calculators are pure: they read their input once and hold no global state.
 */
public final class Analytics {

    private Analytics() {}

    /** A builder for a CSV reader of purchase records. */
    public static PurchaseCsvReader.Builder csv() {
        return PurchaseCsvReader.builder();
    }

    /**
     * A summarizer with a calibration period ending (inclusive) on {@code calibrationEnd}; every later purchase
     * counts toward the holdout period.
     */
    public static CustomerSummarizer summarizer(LocalDate calibrationEnd, PeriodUnit unit) {
        return new CustomerSummarizer(calibrationEnd, null, unit);
    }

    /** An empty cohort table: retention and revenue by acquisition month. */
    public static CohortRetention cohorts() {
        return new CohortRetention();
    }

    /**
     * A summarizer with a calibration period ending on {@code calibrationEnd} and a holdout period from the next day
     * to {@code observationEnd} (both inclusive); later purchases are ignored.
     */
    public static CustomerSummarizer summarizer(LocalDate calibrationEnd, LocalDate observationEnd, PeriodUnit unit) {
        return new CustomerSummarizer(calibrationEnd, observationEnd, unit);
    }
}
