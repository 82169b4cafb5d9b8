package org.crmkit.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.analytics.AnalyticsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad purchases and settings are refused as crm-analytics refuses them, not as a Spark job failure. */
class SparkAnalyticsRefusalsTest {

    private static final StructType PURCHASES = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("amount", DataTypes.StringType);

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> purchases(String... customerDateAmount) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < customerDateAmount.length; i += 3) {
            rows.add(RowFactory.create(customerDateAmount[i], customerDateAmount[i + 1], customerDateAmount[i + 2]));
        }
        return spark.createDataFrame(rows, PURCHASES);
    }

    private static CustomerBaseAnalysis analyse(Dataset<Row> purchases) {
        return SparkAnalytics.builder(LocalDate.of(2026, 6, 30)).build().analyse(purchases);
    }

    @Test
    void aNegativeAmountIsRefusedNamingTheAmount() {
        Dataset<Row> purchases = purchases("c1", "2026-01-05", "10.00", "c2", "2026-02-01", "-3.50");

        assertThatThrownBy(() -> analyse(purchases)).isInstanceOfSatisfying(AnalyticsException.class, e -> {
            assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("amount").contains("-3.50");
        });
    }

    @Test
    void anAmountThatIsNoNumberAndAnUnreadableDateAreMalformedInput() {
        assertThatThrownBy(() -> analyse(purchases("c1", "2026-01-05", "ten", "c2", "2026-02-01", "3.50")))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                    assertThat(e.getMessage())
                            .contains("amount")
                            .contains("'ten'")
                            .contains("c1");
                });
        assertThatThrownBy(() -> analyse(purchases("c1", "05.01.2026", "10.00")))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                    assertThat(e.getMessage()).contains("date").contains("c1");
                });
    }

    @Test
    void purchasesAllAfterTheCalibrationAreNoCustomerBase() {
        assertThatThrownBy(() -> analyse(purchases("c1", "2026-07-05", "10.00", "c2", "2026-08-01", "3.50")))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.EMPTY_INPUT);
                    assertThat(e.getMessage()).contains("2026-06-30");
                });
    }

    @Test
    void settingsOutOfRangeAreRefusedWhenGiven() {
        SparkAnalytics.Builder builder = SparkAnalytics.builder(LocalDate.of(2026, 6, 30));

        assertThatThrownBy(() -> builder.observationEnd(LocalDate.of(2026, 6, 1)))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("observationEnd"));
        assertThatThrownBy(() -> builder.lifetimeValue(0, 0.01))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("months"));
        assertThatThrownBy(() -> builder.profitTiers(new java.math.BigDecimal("-1"), java.math.BigDecimal.TEN))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("costPerOrder"));
    }

    @Test
    void theJobAnswersAUsageErrorWithStatusTwoAndRefusedDataWithThree(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path input = Files.writeString(folder.resolve("p.csv"), "customer_id,date,amount\nc1,2026-07-05,10.00\n");

        assertThat(SparkAnalyticsJob.run(spark, new String[] {"--input", input.toString()}, out, errors))
                .isEqualTo(2);
        assertThat(SparkAnalyticsJob.run(
                        spark,
                        new String[] {
                            "--input",
                            input.toString(),
                            "--output",
                            folder.resolve("out").toString(),
                            "--calibration-end",
                            "2026-06-30",
                            "--months",
                            "1.5"
                        },
                        out,
                        errors))
                .isEqualTo(2);
        assertThat(SparkAnalyticsJob.run(
                        spark,
                        new String[] {
                            "--input", input.toString(),
                            "--output", folder.resolve("out").toString(),
                            "--calibration-end", "2026-06-30"
                        },
                        out,
                        errors))
                .isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("CRM-0001: --output: is required")
                .contains("CRM-0002: --months: must be a whole number, was '1.5'")
                .contains("CRM-0202");
    }

    @Test
    void everyUsageErrorOfTheJobNamesItsOptionWithACode(@TempDir Path folder) {
        String input = folder.resolve("p.csv").toString();
        String output = folder.resolve("out").toString();
        String[] required = {"--input", input, "--output", output, "--calibration-end", "2026-06-30"};

        assertThat(usageError(required, "--outptu", "x"))
                .startsWith("usage error: CRM-0002: --outptu: is not an option");
        assertThat(usageError(required, "--months")).isEqualTo("usage error: CRM-0002: --months: needs a value");
        assertThat(usageError(required, "--format", "orc"))
                .isEqualTo("usage error: CRM-0002: --format: must be parquet or csv, was 'orc'");
        assertThat(usageError(required, "--time-unit", "hours"))
                .isEqualTo("usage error: CRM-0002: --time-unit: must be days or weeks, was 'hours'");
        assertThat(usageError(required, "--discount-rate", "a lot"))
                .isEqualTo("usage error: CRM-0002: --discount-rate: must be a number, was 'a lot'");
        assertThat(usageError(required, "--observation-end", "2026-02-30"))
                .isEqualTo("usage error: CRM-0002: --observation-end: must be a date as yyyy-MM-dd, was '2026-02-30'");
        assertThat(usageError(required, "--cost-per-order", "2"))
                .isEqualTo("usage error: CRM-0002: --key-threshold: is required with the other of --cost-per-order"
                        + " and --key-threshold");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    /** The first line the job writes to standard error for the required options and these, after its status 2. */
    private static String usageError(String[] required, String... more) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(required), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        int status = SparkAnalyticsJob.run(
                spark,
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("status of %s", java.util.Arrays.toString(more)).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }
}
