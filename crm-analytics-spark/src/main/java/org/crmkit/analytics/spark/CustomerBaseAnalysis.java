package org.crmkit.analytics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.RfmScale;
import org.crmkit.core.common.Require;

/**
 * The outcome of {@link SparkAnalytics#analyse}: the models fitted on the driver, how much the driver saw, and the
 * customers valued and scored, one row each, computed by Spark when read or written.
 *
 * <p>Customer columns: {@code customer_id}, {@code first_purchase}, {@code last_purchase} (dates), {@code purchases}
 * (purchase days in calibration), {@code frequency}, {@code recency}, {@code age} (x, t_x and T in the unit of the
 * analysis), {@code total_spend}, {@code monetary_value} (mean repeat spend, as the spend model sees it),
 * {@code days_since_last_purchase}, {@code holdout_purchases}, {@code holdout_spend}, {@code revenue},
 * {@code cost_to_serve}, {@code profit} and {@code tier} ({@code key}, {@code small}, {@code unprofitable}; null
 * without profit tiers), {@code probability_alive}, {@code expected_purchases} (over the horizon),
 * {@code expected_spend} (per purchase), {@code clv}, {@code recency_score}, {@code frequency_score},
 * {@code monetary_score} and {@code rfm_segment}. Amounts are decimals of 12 places.
 */
public final class CustomerBaseAnalysis {

    /** The file formats {@link #write} writes. */
    public enum Format {
        /** Apache Parquet, typed columns. */
        PARQUET,
        /** CSV with a header line. */
        CSV
    }

    private final BgNbdModel purchaseModel;
    private final GammaGammaModel spendModel;
    private final RfmScale rfmScale;
    private final long customerCount;
    private final int purchasePatterns;
    private final int spendPatterns;
    private final Dataset<Row> customers;

    CustomerBaseAnalysis(
            BgNbdModel purchaseModel,
            GammaGammaModel spendModel,
            RfmScale rfmScale,
            long customerCount,
            int purchasePatterns,
            int spendPatterns,
            Dataset<Row> scores) {
        this.purchaseModel = purchaseModel;
        this.spendModel = spendModel;
        this.rfmScale = rfmScale;
        this.customerCount = customerCount;
        this.purchasePatterns = purchasePatterns;
        this.spendPatterns = spendPatterns;
        this.customers = scores.select(columns(scores));
    }

    /** The customer columns in their documented order, days turned into dates. */
    private static Column[] columns(Dataset<Row> scores) {
        List<Column> columns = new ArrayList<>();
        for (String name : scores.columns()) {
            switch (name) {
                case "first_purchase_day" ->
                    columns.add(date_from_unix_date(col(name)).as("first_purchase"));
                case "last_purchase_day" ->
                    columns.add(date_from_unix_date(col(name)).as("last_purchase"));
                default -> columns.add(col(name));
            }
        }
        return columns.toArray(Column[]::new);
    }

    /** BG/NBD fitted to every customer of the calibration cohort. */
    public BgNbdModel purchaseModel() {
        return purchaseModel;
    }

    /** Gamma-Gamma fitted to every customer with repeat purchases. */
    public GammaGammaModel spendModel() {
        return spendModel;
    }

    /** The RFM quantile boundaries of the whole customer base. */
    public RfmScale rfmScale() {
        return rfmScale;
    }

    /** Number of customers in the calibration cohort. */
    public long customerCount() {
        return customerCount;
    }

    /** Number of distinct (x, t_x, T) the driver received to fit BG/NBD. */
    public int purchasePatterns() {
        return purchasePatterns;
    }

    /** Number of distinct (x, mean repeat spend) of repeat customers the driver received to fit Gamma-Gamma. */
    public int spendPatterns() {
        return spendPatterns;
    }

    /** One row per customer, the columns of the class comment; computed by Spark each time it is read. */
    public Dataset<Row> customers() {
        return customers;
    }

    /**
     * Writes the customer rows into the directory {@code path} (a Spark output directory: one file per partition),
     * which must not exist yet.
     *
     * @throws org.crmkit.analytics.AnalyticsException as {@link SparkAnalytics#analyse} does, when a task fails on
     *                                                  crmkit's account
     */
    public void write(String path, Format format) {
        Require.notBlank(path, "path");
        Require.notNull(format, "format");
        SparkAnalytics.failingAsCrmkit(() -> {
            var writer = customers.write().mode(SaveMode.ErrorIfExists);
            switch (format) {
                case PARQUET -> writer.parquet(path);
                case CSV -> writer.option("header", true).csv(path);
            }
            return path;
        });
    }
}
