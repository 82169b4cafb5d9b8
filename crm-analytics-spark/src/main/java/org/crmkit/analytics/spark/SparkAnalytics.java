package org.crmkit.analytics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.unix_date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseHistory;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmScale;
import org.crmkit.analytics.SpendHistory;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.Require;

/**
 * crmkit's customer analytics run by Apache Spark, for purchase histories that outgrow one machine: purchases are
 * partitioned by customer and summarized per partition by crmkit's {@link org.crmkit.analytics.CustomerSummarizer};
 * the driver collects only the customers counted per (x, t_x, T) and per (x, mean repeat spend) and fits BG/NBD and
 * Gamma-Gamma on them with crm-analytics (the same estimates as one JVM fitting every customer); every partition
 * then values its customers (CLV over a horizon, probability of being active), scores them by RFM against the whole
 * base and, when asked, classifies them by profit.
 *
 * <pre>{@code
 * SparkAnalytics analytics = SparkAnalytics.builder(LocalDate.of(1997, 9, 30)).unit(PeriodUnit.WEEKS).build();
 * CustomerBaseAnalysis analysis = analytics.analyse(spark.read().parquet("purchases"));
 * analysis.write("customers", CustomerBaseAnalysis.Format.PARQUET);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one instance may analyse any number of data sets.
 */
public final class SparkAnalytics {

    private final PurchaseSummaries.Settings settings;
    private final String customerColumn;
    private final String dateColumn;
    private final String amountColumn;
    private final String datePattern;
    private final int months;
    private final double monthlyDiscountRate;
    private final FitOptions fitOptions;
    private final RfmAnalysis rfm;
    private final int partitions;

    private SparkAnalytics(Builder b) {
        this.settings = new PurchaseSummaries.Settings(
                b.calibrationEnd, b.observationEnd, b.unit, b.costPerOrder, b.keyThreshold);
        this.customerColumn = b.customerColumn;
        this.dateColumn = b.dateColumn;
        this.amountColumn = b.amountColumn;
        this.datePattern = b.datePattern;
        this.months = b.months;
        this.monthlyDiscountRate = b.monthlyDiscountRate;
        this.fitOptions = b.fitOptions;
        this.rfm = b.rfm;
        this.partitions = b.partitions;
    }

    /**
     * A builder for analyses with a calibration period ending (inclusive) on {@code calibrationEnd}; later purchases
     * count toward the holdout period.
     */
    public static Builder builder(LocalDate calibrationEnd) {
        return new Builder(Require.notNull(calibrationEnd, "calibrationEnd"));
    }

    /**
     * Analyses the purchases: one row each, with the customer (any type, read as text), the day (a date, or text in
     * the builder's date pattern) and the amount (a decimal or number, or text holding one). Summarizes them, fits
     * the models on the driver and returns the analysis, whose customer rows are computed when they are read or
     * written. The customer summaries stay cached in the session (memory and disk) for those reads, until the
     * session's {@code catalog().clearCache()} or its end.
     *
     * @throws AnalyticsException as the single-JVM calculators throw it (a malformed purchase, a fit the data cannot
     *                            identify, no customer in calibration), unwrapped from Spark's job failure
     */
    public CustomerBaseAnalysis analyse(Dataset<Row> purchases) {
        Require.notNull(purchases, "purchases");
        return failingAsCrmkit(() -> {
            // an unreadable date becomes null, refused by the summary naming the customer
            Column date =
                    datePattern == null ? col(dateColumn).try_cast("date") : try_to_date(col(dateColumn), datePattern);
            Dataset<Row> input = purchases.select(
                    col(customerColumn).cast("string"),
                    unix_date(date),
                    col(amountColumn).cast("string"));
            int partitionCount = partitions > 0
                    ? partitions
                    : Integer.parseInt(purchases.sparkSession().conf().get("spark.sql.shuffle.partitions"));
            Dataset<Row> summaries = input.repartition(partitionCount, input.col(input.columns()[0]))
                    .sortWithinPartitions(input.columns()[0], input.columns()[1])
                    .mapPartitions(
                            new PurchaseSummaries(settings, PurchaseSummaries.CUSTOMERS_PER_BATCH),
                            Encoders.row(SummaryRows.SCHEMA))
                    .persist(StorageLevel.MEMORY_AND_DISK());

            Map<PurchaseHistory, Long> histories = new HashMap<>();
            for (Row r :
                    summaries.groupBy("frequency", "recency", "age").count().collectAsList()) {
                histories.put(PurchaseHistory.of(r.getInt(0), r.getDouble(1), r.getDouble(2)), r.getLong(3));
            }
            if (histories.isEmpty()) {
                throw AnalyticsException.of(
                        AnalyticsException.Reason.EMPTY_INPUT,
                        "purchases",
                        "no customer made a purchase on or before the end of calibration " + settings.calibrationEnd());
            }
            Map<SpendHistory, Long> spendPatterns = new HashMap<>();
            for (Row r : summaries
                    .where(col("frequency").gt(0))
                    .groupBy("frequency", "monetary_value")
                    .count()
                    .collectAsList()) {
                spendPatterns.put(new SpendHistory(r.getInt(0), r.getDouble(1)), r.getLong(2));
            }
            BgNbdModel purchaseModel = BgNbdModel.fit(histories, fitOptions);
            GammaGammaModel spendModel = GammaGammaModel.fit(spendPatterns, fitOptions);
            RfmScale.Tally tally = summaries
                    .javaRDD()
                    .aggregate(rfm.tally(), (t, row) -> t.add(SummaryRows.summaryOf(row)), RfmScale.Tally::merge);
            RfmScale scale = rfm.scale(tally);
            CustomerScores.Models models = new CustomerScores.Models(
                    values(purchaseModel.parameters(), "r", "alpha", "a", "b"),
                    values(spendModel.parameters(), "p", "q", "gamma"),
                    months,
                    monthlyDiscountRate,
                    settings.unit(),
                    scale);
            Dataset<Row> scores = summaries.mapPartitions(
                    new CustomerScores(models, CustomerScores.CUSTOMERS_PER_BATCH),
                    Encoders.row(CustomerScores.SCHEMA));
            return new CustomerBaseAnalysis(
                    purchaseModel,
                    spendModel,
                    scale,
                    tally.customers(),
                    histories.size(),
                    spendPatterns.size(),
                    scores);
        });
    }

    private static double[] values(Map<String, Double> parameters, String... names) {
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = parameters.get(names[i]);
        }
        return values;
    }

    /**
     * Runs Spark work; a crmkit refusal raised in a task (and so wrapped in Spark's job failure) is thrown as it was
     * raised, anything else as Spark threw it.
     */
    static <T> T failingAsCrmkit(Supplier<T> work) {
        try {
            return work.get();
        } catch (Exception failure) {
            // Spark's SparkException is checked in Java's eyes but undeclared: rethrown as it is (precise rethrow)
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof CrmException crmkit) {
                    throw crmkit;
                }
            }
            throw failure;
        }
    }

    /** Settings of an analysis; every one but the end of calibration has a default. */
    public static final class Builder {
        private final LocalDate calibrationEnd;
        private LocalDate observationEnd;
        private PeriodUnit unit = PeriodUnit.DAYS;
        private String customerColumn = "customer_id";
        private String dateColumn = "date";
        private String amountColumn = "amount";
        private String datePattern;
        private int months = 12;
        private double monthlyDiscountRate = 0.01;
        private FitOptions fitOptions = FitOptions.defaults();
        private RfmAnalysis rfm = RfmAnalysis.standard();
        private BigDecimal costPerOrder;
        private BigDecimal keyThreshold;
        private int partitions;

        private Builder(LocalDate calibrationEnd) {
            this.calibrationEnd = calibrationEnd;
        }

        /** Ends the holdout period (inclusive); later purchases are ignored. Default: no end. */
        public Builder observationEnd(LocalDate value) {
            Require.notNull(value, "observationEnd");
            if (value.isBefore(calibrationEnd)) {
                throw AnalyticsException.of(
                        AnalyticsException.Reason.INVALID_ARGUMENT,
                        "observationEnd",
                        value + " is before the end of calibration " + calibrationEnd);
            }
            this.observationEnd = value;
            return this;
        }

        /** The unit of recency, age and the models' rates. Default: days. */
        public Builder unit(PeriodUnit value) {
            this.unit = Require.notNull(value, "unit");
            return this;
        }

        /** The names of the customer, date and amount columns. Default: customer_id, date, amount. */
        public Builder columns(String customer, String date, String amount) {
            this.customerColumn = Require.notBlank(customer, "customerColumn");
            this.dateColumn = Require.notBlank(date, "dateColumn");
            this.amountColumn = Require.notBlank(amount, "amountColumn");
            return this;
        }

        /**
         * Reads the date column as text in this Spark date pattern ({@code yyyyMMdd}, {@code dd.MM.yyyy}, ...).
         * Default: the column is a date, or text in ISO form (yyyy-MM-dd).
         */
        public Builder datePattern(String pattern) {
            this.datePattern = Require.notBlank(pattern, "datePattern");
            return this;
        }

        /**
         * The lifetime value's horizon and monthly discount rate, as {@link LifetimeValue#of} takes them. Default:
         * 12 months at 0.01.
         */
        public Builder lifetimeValue(int horizonMonths, double discountRate) {
            if (horizonMonths < 1 || horizonMonths > LifetimeValue.MAX_MONTHS) {
                throw AnalyticsException.of(
                        AnalyticsException.Reason.INVALID_ARGUMENT,
                        "months",
                        "must be from 1 to " + LifetimeValue.MAX_MONTHS + ", was " + horizonMonths);
            }
            if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
                throw AnalyticsException.of(
                        AnalyticsException.Reason.INVALID_ARGUMENT,
                        "monthlyDiscountRate",
                        "must be finite and not negative, was " + discountRate);
            }
            this.months = horizonMonths;
            this.monthlyDiscountRate = discountRate;
            return this;
        }

        /** How both models are fitted. Default: {@link FitOptions#defaults()}. */
        public Builder fitOptions(FitOptions value) {
            this.fitOptions = Require.notNull(value, "fitOptions");
            return this;
        }

        /** The RFM scoring. Default: {@link RfmAnalysis#standard()}. */
        public Builder rfm(RfmAnalysis value) {
            this.rfm = Require.notNull(value, "rfm");
            return this;
        }

        /**
         * Classifies customers by profit as {@link Profitability} does (purchases carry no
         * cost of goods here, so profit is revenue minus {@code costPerOrder} per purchase day). Default: no tiers
         * (their columns are null).
         */
        public Builder profitTiers(BigDecimal costPerOrder, BigDecimal keyThreshold) {
            // refused here, as the calculator refuses them, rather than in the first task
            Profitability.of(costPerOrder, keyThreshold);
            this.costPerOrder = costPerOrder;
            this.keyThreshold = keyThreshold;
            return this;
        }

        /** The number of customer partitions. Default: the session's {@code spark.sql.shuffle.partitions}. */
        public Builder partitions(int value) {
            this.partitions = Require.positive(value, "partitions");
            return this;
        }

        /** The analysis with these settings. */
        public SparkAnalytics build() {
            return new SparkAnalytics(this);
        }
    }
}
