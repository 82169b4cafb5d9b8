package org.crmkit.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmScale;
import org.junit.jupiter.api.Test;

/**
 * A partition is summarized and scored a batch of customers at a time (no Spark needed: the partition functions are
 * plain functions of an iterator); the batches give what one batch of the whole partition gives.
 */
class PartitionBatchesTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2026, 6, 30);
    private static final PurchaseSummaries.Settings SETTINGS = new PurchaseSummaries.Settings(
            CALIBRATION_END, null, PeriodUnit.DAYS, new BigDecimal("1.50"), new BigDecimal("40"));

    /** A partition as Spark hands it over: sorted by customer and day; customers c3 and c4 buy after calibration. */
    private static List<Row> partition() {
        List<Row> rows = new ArrayList<>();
        String[][] purchases = {
            {"c1", "2026-01-05", "10.00"},
            {"c1", "2026-01-05", "5.00"},
            {"c1", "2026-03-01", "20.00"},
            {"c2", "2026-02-10", "7.25"},
            {"c3", "2026-07-02", "9.00"},
            {"c4", "2026-08-02", "9.00"},
            {"c4", "2026-09-02", "3.00"},
            {"c5", "2026-01-01", "30.00"},
            {"c5", "2026-04-01", "35.00"},
            {"c5", "2026-06-30", "40.00"},
            {"c6", "2026-05-05", "12.00"}
        };
        for (String[] p : purchases) {
            rows.add(RowFactory.create(p[0], (int) LocalDate.parse(p[1]).toEpochDay(), p[2]));
        }
        return rows;
    }

    private static List<Row> summaries(int customersPerBatch) {
        return all(new PurchaseSummaries(SETTINGS, customersPerBatch)
                .call(partition().iterator()));
    }

    private static List<Row> all(Iterator<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        return list;
    }

    @Test
    void summariesInBatchesOfTwoCustomersAreTheSummariesOfTheWholePartition() {
        List<Row> whole = summaries(1_000);

        assertThat(summaries(2)).isEqualTo(whole);
        assertThat(summaries(1)).isEqualTo(whole);
        // c3 and c4 (a batch of their own with batches of two) are not in the calibration cohort
        assertThat(whole)
                .extracting(row -> row.getString(SummaryRows.CUSTOMER))
                .containsExactly("c1", "c2", "c5", "c6");
        assertThat(whole.get(0).getInt(SummaryRows.FREQUENCY)).isEqualTo(1);
        assertThat(whole.get(0).getDecimal(SummaryRows.PROFIT)).isEqualByComparingTo("32.00");
        assertThat(whole.get(0).getString(SummaryRows.TIER)).isEqualTo("small");
        assertThat(whole.get(2).getString(SummaryRows.TIER)).isEqualTo("key");
    }

    @Test
    void scoresInBatchesOfTwoCustomersAreTheScoresOfTheWholePartition() {
        List<Row> summaries = summaries(1_000);
        RfmScale.Tally tally = RfmAnalysis.standard().tally();
        summaries.forEach(row -> tally.add(SummaryRows.summaryOf(row)));
        CustomerScores.Models models = new CustomerScores.Models(
                new double[] {0.25, 4.4, 0.8, 2.4},
                new double[] {6.2, 3.7, 15.4},
                12,
                0.01,
                PeriodUnit.DAYS,
                RfmAnalysis.standard().scale(tally));

        List<Row> whole = all(new CustomerScores(models, 1_000).call(summaries.iterator()));

        assertThat(all(new CustomerScores(models, 2).call(summaries.iterator())))
                .isEqualTo(whole);
        assertThat(whole).hasSize(4);
        assertThat(whole)
                .allSatisfy(row -> assertThat(row.getDouble(CustomerScores.SCHEMA.fieldIndex("clv")))
                        .isPositive());
    }
}
