package org.crmkit.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.SpendHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CDNOW cohort (23,570 customers, 69,659 purchases) analysed by Spark in local mode against crmkit in one
 * JVM on the same file: the same parameters, the same values and scores per customer, and the written files read
 * back.
 */
class SparkAnalyticsCdnowTest {

    private static final BigDecimal COST_PER_ORDER = new BigDecimal("2.50");
    private static final BigDecimal KEY_THRESHOLD = new BigDecimal("100");

    @TempDir
    static Path folder;

    private static SparkSession spark;
    private static CustomerBaseAnalysis analysis;
    private static Map<String, Row> sparkRows;
    private static OneJvm oneJvm;

    /** The single-JVM path: crm-analytics over the original file. */
    private record OneJvm(
            List<CustomerSummary> customers,
            BgNbdModel purchases,
            GammaGammaModel spend,
            double[] values,
            double[] expectedPurchases,
            List<RfmScore> rfm,
            Map<String, Profitability.CustomerProfit> profits) {}

    @BeforeAll
    static void analyseBothWays() throws IOException {
        spark = LocalSpark.start();
        Path csv = Cdnow.masterAsCsv(folder);
        analysis = Cdnow.analytics()
                .profitTiers(COST_PER_ORDER, KEY_THRESHOLD)
                .build()
                .analyse(spark.read().option("header", true).csv(csv.toString()));
        sparkRows = new HashMap<>();
        for (Row row : analysis.customers().collectAsList()) {
            sparkRows.put(row.getAs("customer_id"), row);
        }
        oneJvm = analyseInOneJvm();
    }

    private static OneJvm analyseInOneJvm() {
        CustomerSummarizer summarizer = Analytics.summarizer(Cdnow.CALIBRATION_END, PeriodUnit.WEEKS);
        Profitability profitability = Profitability.of(COST_PER_ORDER, KEY_THRESHOLD);
        Cdnow.masterReader().read(Cdnow.master(), record -> {
            summarizer.add(record);
            profitability.add(record);
        });
        List<CustomerSummary> customers = summarizer.summaries();
        BgNbdModel purchases =
                BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        GammaGammaModel spend =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS);
        Map<String, Profitability.CustomerProfit> profits = new HashMap<>();
        profitability.customers().forEach(p -> profits.put(p.customerId(), p));
        return new OneJvm(
                customers,
                purchases,
                spend,
                clv.estimates(customers),
                clv.expectedPurchases(customers),
                RfmAnalysis.standard().score(customers).scores(),
                profits);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theModelsAreTheSingleJvmFitsToNineSignificantDigits() {
        assertThat(analysis.purchaseModel().parameters())
                .isEqualTo(oneJvm.purchases().parameters());
        oneJvm.spend()
                .parameters()
                .forEach((name, value) -> assertThat(
                                analysis.spendModel().parameters().get(name))
                        .as(name)
                        .isCloseTo(value, withinPercentage(1e-7)));
    }

    @Test
    void theDriverSeesPatternsNotCustomers() {
        assertThat(analysis.customerCount())
                .isEqualTo(oneJvm.customers().size())
                .isEqualTo(23_570);
        // 8,685 distinct (x, t_x, T) and 7,000 or so (x, mean spend) of the 7,900 repeat customers
        assertThat(analysis.purchasePatterns()).isLessThan(23_570 / 2);
        assertThat(analysis.spendPatterns()).isLessThanOrEqualTo((int)
                oneJvm.customers().stream().filter(c -> c.frequency() > 0).count());
    }

    @Test
    void everyCustomerIsValuedScoredAndTieredAsInOneJvm() {
        assertThat(sparkRows).hasSize(oneJvm.customers().size());
        for (int i = 0; i < oneJvm.customers().size(); i++) {
            CustomerSummary expected = oneJvm.customers().get(i);
            Row row = sparkRows.get(expected.customerId());
            assertThat(row.<Integer>getAs("frequency")).isEqualTo(expected.frequency());
            assertThat(row.<Double>getAs("recency"))
                    .isEqualTo(expected.history().recency());
            assertThat(row.<Double>getAs("age")).isEqualTo(expected.history().age());
            assertThat(row.<java.sql.Date>getAs("first_purchase").toLocalDate()).isEqualTo(expected.firstPurchase());
            assertThat(row.<BigDecimal>getAs("total_spend")).isEqualByComparingTo(expected.totalSpend());
            assertThat(row.<Double>getAs("clv"))
                    .as(expected.customerId())
                    .isCloseTo(oneJvm.values()[i], withinPercentage(1e-7));
            assertThat(row.<Double>getAs("expected_purchases"))
                    .isCloseTo(oneJvm.expectedPurchases()[i], withinPercentage(1e-7));
            assertThat(row.<Double>getAs("probability_alive"))
                    .isCloseTo(oneJvm.purchases().probabilityAlive(expected.history()), withinPercentage(1e-7));
            RfmScore rfm = oneJvm.rfm().get(i);
            assertThat(List.of(
                            row.<Integer>getAs("recency_score"),
                            row.<Integer>getAs("frequency_score"),
                            row.<Integer>getAs("monetary_score")))
                    .containsExactly(rfm.recencyScore(), rfm.frequencyScore(), rfm.monetaryScore());
            assertThat(row.<String>getAs("rfm_segment")).isEqualTo(rfm.segment());
            Profitability.CustomerProfit profit = oneJvm.profits().get(expected.customerId());
            assertThat(row.<BigDecimal>getAs("profit")).isEqualByComparingTo(profit.profit());
            assertThat(row.<String>getAs("tier")).isEqualTo(profit.tier().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void theWrittenParquetReadsBackAsTheCustomerRows() {
        Path parquet = folder.resolve("customers.parquet");

        analysis.write(parquet.toString(), CustomerBaseAnalysis.Format.PARQUET);

        List<Row> written = spark.read().parquet(parquet.toString()).collectAsList();
        assertThat(written).hasSize(sparkRows.size());
        for (Row row : written) {
            assertThat(row).isEqualTo(sparkRows.get(row.<String>getAs("customer_id")));
        }
    }

    @Test
    void theJobWritesTheSameCustomersAsCsvAndPrintsTheModels() {
        Path output = folder.resolve("job-output");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SparkAnalyticsJob.run(
                spark,
                new String[] {
                    "--input",
                    folder.resolve("cdnow.csv").toString(),
                    "--output",
                    output.toString(),
                    "--format",
                    "csv",
                    "--calibration-end",
                    "1997-09-30",
                    "--time-unit",
                    "weeks",
                    "--date-pattern",
                    "yyyyMMdd",
                    "--cost-per-order",
                    COST_PER_ORDER.toPlainString(),
                    "--key-threshold",
                    KEY_THRESHOLD.toPlainString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("customers: 23570")
                .contains("bg-nbd: " + analysis.purchaseModel().parameters());
        List<Row> written = spark.read()
                .option("header", true)
                .schema(analysis.customers().schema())
                .csv(output.toString())
                .collectAsList();
        assertThat(written).hasSize(sparkRows.size());
        for (Row row : written) {
            assertThat(row).isEqualTo(sparkRows.get(row.<String>getAs("customer_id")));
        }
    }
}
