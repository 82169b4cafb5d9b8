package org.crmkit.analytics.spark;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.InvalidValueException;

/**
 * The analysis as a Spark application, for {@code spark-submit --class org.crmkit.analytics.spark.SparkAnalyticsJob}:
 * reads purchases from CSV files (a header line naming the columns), writes one row per customer as Parquet or CSV
 * and prints the fitted models. Exit status 0 on success, 2 on a usage error, 3 when crmkit refuses the data.
 *
 * <pre>
 * --input PATH              CSV file or folder of purchases (required)
 * --output PATH             folder to write, must not exist (required)
 * --calibration-end DATE    last day of calibration, yyyy-MM-dd (required)
 * --observation-end DATE    last day of the holdout period
 * --format parquet|csv      default parquet
 * --time-unit days|weeks    default days
 * --customer-column NAME    default customer_id; --date-column (date), --amount-column (amount)
 * --date-pattern PATTERN    Spark date pattern of the date column, default yyyy-MM-dd
 * --delimiter CHAR          default ,
 * --months N                CLV horizon, default 12; --discount-rate R monthly, default 0.01
 * --cost-per-order AMOUNT   with --key-threshold AMOUNT: profit tiers
 * --partitions N            customer partitions, default spark.sql.shuffle.partitions
 * </pre>
 */
public final class SparkAnalyticsJob {

    private static final List<String> OPTIONS = List.of(
            "--input",
            "--output",
            "--calibration-end",
            "--observation-end",
            "--format",
            "--time-unit",
            "--customer-column",
            "--date-column",
            "--amount-column",
            "--date-pattern",
            "--delimiter",
            "--months",
            "--discount-rate",
            "--cost-per-order",
            "--key-threshold",
            "--partitions");

    private SparkAnalyticsJob() {}

    /** Runs the job in the session spark-submit configured; exits with the status of {@link #run}. */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("crmkit analytics").getOrCreate();
        int status;
        try {
            status = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the job in a session; returns the exit status. */
    static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        SparkAnalytics analytics;
        CustomerBaseAnalysis.Format format;
        try {
            options = parse(args);
            analytics = analytics(options);
            format = switch (options.getOrDefault("--format", "parquet")) {
                case "parquet" -> CustomerBaseAnalysis.Format.PARQUET;
                case "csv" -> CustomerBaseAnalysis.Format.CSV;
                default ->
                    throw InvalidValueException.invalid(
                            "--format", "must be parquet or csv, was '" + options.get("--format") + "'");
            };
        } catch (CrmException usage) {
            err.println("usage error: " + usage.getMessage());
            return 2;
        }
        try {
            CustomerBaseAnalysis analysis = analytics.analyse(spark.read()
                    .option("header", true)
                    .option("sep", options.getOrDefault("--delimiter", ","))
                    .csv(options.get("--input")));
            analysis.write(options.get("--output"), format);
            out.println("customers: " + analysis.customerCount());
            out.println("purchase patterns fitted: " + analysis.purchasePatterns());
            out.println("spend patterns fitted: " + analysis.spendPatterns());
            out.println("bg-nbd: " + analysis.purchaseModel().parameters());
            out.println("gamma-gamma: " + analysis.spendModel().parameters());
            out.println("written: " + options.get("--output"));
            return 0;
        } catch (AnalyticsException refused) {
            err.println(refused.getMessage());
            return 3;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw InvalidValueException.invalid(args[i], "is not an option; options: " + OPTIONS);
            }
            if (i + 1 >= args.length) {
                throw InvalidValueException.invalid(args[i], "needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--input", "--output", "--calibration-end")) {
            if (!options.containsKey(required)) {
                throw InvalidValueException.required(required);
            }
        }
        if (options.containsKey("--cost-per-order") != options.containsKey("--key-threshold")) {
            throw InvalidValueException.invalid(
                    options.containsKey("--cost-per-order") ? "--key-threshold" : "--cost-per-order",
                    "is required with the other of --cost-per-order and --key-threshold");
        }
        return options;
    }

    private static SparkAnalytics analytics(Map<String, String> options) {
        SparkAnalytics.Builder builder = SparkAnalytics.builder(date(options, "--calibration-end"))
                .unit(unit(options.getOrDefault("--time-unit", "days")))
                .columns(
                        options.getOrDefault("--customer-column", "customer_id"),
                        options.getOrDefault("--date-column", "date"),
                        options.getOrDefault("--amount-column", "amount"))
                .lifetimeValue(
                        wholeNumber(options, "--months", "12"),
                        number(options, "--discount-rate", "0.01").doubleValue());
        if (options.containsKey("--observation-end")) {
            builder.observationEnd(date(options, "--observation-end"));
        }
        if (options.containsKey("--date-pattern")) {
            builder.datePattern(options.get("--date-pattern"));
        }
        if (options.containsKey("--cost-per-order")) {
            builder.profitTiers(number(options, "--cost-per-order", null), number(options, "--key-threshold", null));
        }
        if (options.containsKey("--partitions")) {
            builder.partitions(wholeNumber(options, "--partitions", null));
        }
        return builder.build();
    }

    private static PeriodUnit unit(String name) {
        return switch (name) {
            case "days" -> PeriodUnit.DAYS;
            case "weeks" -> PeriodUnit.WEEKS;
            default -> throw InvalidValueException.invalid("--time-unit", "must be days or weeks, was '" + name + "'");
        };
    }

    private static LocalDate date(Map<String, String> options, String option) {
        try {
            return LocalDate.parse(options.get(option));
        } catch (DateTimeParseException notADate) {
            throw InvalidValueException.invalid(
                    option, "must be a date as yyyy-MM-dd, was '" + options.get(option) + "'");
        }
    }

    private static BigDecimal number(Map<String, String> options, String option, String defaultValue) {
        String text = options.getOrDefault(option, defaultValue);
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            throw InvalidValueException.invalid(option, "must be a number, was '" + text + "'");
        }
    }

    private static int wholeNumber(Map<String, String> options, String option, String defaultValue) {
        try {
            return number(options, option, defaultValue).intValueExact();
        } catch (ArithmeticException notWhole) {
            throw InvalidValueException.invalid(option, "must be a whole number, was '" + options.get(option) + "'");
        }
    }
}
