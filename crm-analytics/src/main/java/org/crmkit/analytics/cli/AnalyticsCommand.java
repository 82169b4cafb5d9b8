package org.crmkit.analytics.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.ModelFit;
import org.crmkit.analytics.ModifiedBgNbdModel;
import org.crmkit.analytics.ParetoNbdModel;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseCsvReader;
import org.crmkit.analytics.PurchaseHistory;
import org.crmkit.analytics.PurchaseModel;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmReport;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.SpendHistory;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * Command line: {@code summary | rfm | clv | profitability}, reading purchase CSV and writing JSON in UTF-8 to
 * standard output. {@code --help} prints the usage. Exit codes:
 * <ul>
 *   <li>0: the result was written (or the usage, for {@code --help});</li>
 *   <li>1: bad input or a failed analysis; the message on standard error names the file, line and column where the
 *       input is at fault, or the model that could not be fitted;</li>
 *   <li>2: a usage error: an unknown, misspelt (the closest option is suggested), repeated or misplaced option, a
 *       missing or malformed option value; the message names the option;</li>
 *   <li>3: the result could not be written (standard output closed, a full disk, a broken pipe).</li>
 * </ul>
 */
public final class AnalyticsCommand {

    /** The result was written. */
    public static final int OK = 0;
    /** Bad input or a failed analysis. */
    public static final int BAD_INPUT = 1;
    /** A usage error. */
    public static final int USAGE_ERROR = 2;
    /** The result could not be written. */
    public static final int WRITE_FAILED = 3;

    private static final String USAGE = String.join(
            "\n",
            "usage: java -jar crmkit-analytics.jar <summary|rfm|clv|profitability> --input FILE [options]",
            "       java -jar crmkit-analytics.jar --help",
            "  --delimiter comma|tab|semicolon|whitespace|<char>   field separator (comma)",
            "  --no-header                 the file has no header row",
            "  --columns a,b,c             names of the columns of a headerless file",
            "  --customer-column NAME      (customer)   --date-column NAME (date)   --amount-column NAME (amount)",
            "  --cost-column NAME          --product-column NAME",
            "  --date-format PATTERN       java.time pattern of the date column (yyyy-MM-dd)",
            "  --calibration-end DATE      last day of calibration, yyyy-MM-dd (summary, rfm, clv)",
            "  --observation-end DATE      last day of the holdout period (default: all later records)",
            "  --time-unit days|weeks      unit of recency, T and the models (days)",
            "  --model bg-nbd|pareto-nbd|modified-bg-nbd   purchase model for clv (bg-nbd)",
            "  --spend gamma-gamma         also fit spend and value every customer (clv)",
            "  --penalizer X               L2 penalty of the fits (0)",
            "  --months N                  CLV horizon in whole months, 1 to 1200 (12)",
            "  --discount-rate X           monthly discount rate (0.01)",
            "  --cost-per-order X          cost to serve per order (profitability, 0)",
            "  --key-threshold X           minimum profit of a key customer (profitability, 0)",
            "Options are written '--name value' or '--name=value'. JSON goes to standard output in UTF-8.",
            "Exit codes: 0 done, 1 bad input or failed analysis, 2 usage error, 3 the result could not be written.");

    private static final List<String> COMMANDS = List.of("summary", "rfm", "clv", "profitability");
    private static final Set<String> FLAGS = Set.of("--no-header");
    private static final Set<String> HELP_OPTIONS = Set.of("--help", "-h");
    /** Asks for the usage as the command ({@code help}) or as an option anywhere. */
    private static final Set<String> HELP = Set.of("--help", "-h", "help");

    private static final Set<String> INPUT_OPTIONS = Set.of(
            "--input",
            "--delimiter",
            "--no-header",
            "--columns",
            "--customer-column",
            "--date-column",
            "--amount-column",
            "--cost-column",
            "--product-column",
            "--date-format");
    private static final Set<String> SUMMARY_OPTIONS = Set.of("--calibration-end", "--observation-end", "--time-unit");
    private static final Set<String> CLV_OPTIONS =
            Set.of("--model", "--spend", "--penalizer", "--months", "--discount-rate");
    private static final Set<String> PROFITABILITY_OPTIONS = Set.of("--cost-per-order", "--key-threshold");

    private AnalyticsCommand() {}

    /**
     * Runs the command with JSON to standard output and messages to standard error, both in UTF-8 whatever the
     * platform's charset, and exits with its status.
     */
    public static void main(String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, new FileOutputStream(FileDescriptor.out), err);
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command, writing JSON in UTF-8 to {@code out} and messages to {@code err}. A {@link PrintStream}
     * given as {@code out} is checked for errors after writing (a print stream does not throw them).
     *
     * @return {@link #OK}, {@link #BAD_INPUT}, {@link #USAGE_ERROR} or {@link #WRITE_FAILED}
     */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return USAGE_ERROR;
        }
        if (HELP.contains(args[0]) || Arrays.stream(args).anyMatch(HELP_OPTIONS::contains)) {
            return write(writer -> writer.write(USAGE + "\n"), out, err);
        }
        Map<String, Object> result;
        try {
            String command = command(args[0]);
            Map<String, String> options = parse(command, Arrays.copyOfRange(args, 1, args.length));
            result = switch (command) {
                case "summary" -> summary(options);
                case "rfm" -> rfm(options);
                case "clv" -> clv(options);
                default -> profitability(options);
            };
        } catch (UsageException e) {
            err.println("error: " + e.usageError);
            err.println(USAGE);
            return USAGE_ERROR;
        } catch (CrmException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        return write(writer -> Json.write(result, writer), out, err);
    }

    /** Writes text to the output as it is produced. */
    @FunctionalInterface
    private interface Text {
        void writeTo(Writer writer) throws IOException;
    }

    private static int write(Text text, OutputStream out, PrintStream err) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
            text.writeTo(writer);
            writer.flush();
        } catch (IOException e) {
            err.println("error: cannot write the result to standard output: " + e.getMessage());
            return WRITE_FAILED;
        }
        if (out instanceof PrintStream printStream && printStream.checkError()) {
            err.println("error: cannot write the result to standard output");
            return WRITE_FAILED;
        }
        return OK;
    }

    /** A usage error, named for the option or argument at fault: an invalid value, as crmkit codes it. */
    private static final class UsageException extends CrmException {
        private final String usageError;

        UsageException(String usageError) {
            super(ErrorCode.INVALID_VALUE, usageError);
            this.usageError = usageError;
        }
    }

    private static String command(String name) {
        if (COMMANDS.contains(name)) {
            return name;
        }
        throw new UsageException("unknown command '" + name + "'" + suggestion(name, COMMANDS));
    }

    private static Set<String> optionsOf(String command) {
        Set<String> known = new HashSet<>(INPUT_OPTIONS);
        switch (command) {
            case "summary", "rfm" -> known.addAll(SUMMARY_OPTIONS);
            case "clv" -> {
                known.addAll(SUMMARY_OPTIONS);
                known.addAll(CLV_OPTIONS);
            }
            default -> known.addAll(PROFITABILITY_OPTIONS);
        }
        return known;
    }

    private static Map<String, String> parse(String command, String[] args) {
        Set<String> applicable = optionsOf(command);
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (!argument.startsWith("--")) {
                throw new UsageException("unexpected argument '" + argument + "': options start with --");
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            if (!applicable.contains(name)) {
                throw new UsageException(unknownOption(command, name));
            }
            String value;
            if (FLAGS.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "true";
            } else if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException("option " + name + " is given twice");
            }
        }
        return options;
    }

    private static String unknownOption(String command, String name) {
        List<String> all = new ArrayList<>(INPUT_OPTIONS);
        all.addAll(SUMMARY_OPTIONS);
        all.addAll(CLV_OPTIONS);
        all.addAll(PROFITABILITY_OPTIONS);
        if (all.contains(name)) {
            return "option " + name + " does not apply to " + command;
        }
        return "unknown option " + name + suggestion(name, optionsOf(command));
    }

    /** "; did you mean X?" for the closest candidate within a few edits, or nothing. */
    private static String suggestion(String given, Collection<String> candidates) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int distance = editDistance(given, candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        return closest != null && best <= Math.max(2, closest.length() / 3) ? "; did you mean " + closest + "?" : "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, Object> summary(Map<String, String> options) {
        List<CustomerSummary> customers = summarize(options);
        List<Object> rows = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", c.customerId());
            row.put("frequency", c.frequency());
            row.put("recency", c.history().recency());
            row.put("T", c.history().age());
            row.put("monetaryValue", c.monetaryValue());
            row.put("purchases", c.purchases());
            row.put("totalSpend", c.totalSpend());
            row.put("daysSinceLastPurchase", c.daysSinceLastPurchase());
            row.put("holdoutPurchases", c.holdoutPurchases());
            row.put("holdoutSpend", c.holdoutSpend());
            rows.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("customers", customers.size());
        result.put("summaries", rows);
        return result;
    }

    private static Map<String, Object> rfm(Map<String, String> options) {
        List<CustomerSummary> customers = summarize(options);
        RfmReport report = RfmAnalysis.standard().score(customers);
        List<Object> segments = new ArrayList<>();
        for (RfmReport.SegmentTotals s : report.segments()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("segment", s.segment());
            row.put("customers", s.customers());
            row.put("value", s.value());
            segments.add(row);
        }
        List<Object> scores = new ArrayList<>();
        for (RfmScore s : report.scores()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", s.customerId());
            row.put("recencyDays", s.recencyDays());
            row.put("frequency", s.frequency());
            row.put("monetary", s.monetary());
            row.put("rfm", s.code());
            row.put("segment", s.segment());
            scores.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("customers", customers.size());
        result.put("segments", segments);
        result.put("scores", scores);
        return result;
    }

    private static Map<String, Object> clv(Map<String, String> options) {
        String spendName = options.get("--spend");
        if (spendName != null && !spendName.equals("gamma-gamma")) {
            throw new UsageException("--spend must be gamma-gamma, was '" + spendName + "'");
        }
        String modelName = options.getOrDefault("--model", "bg-nbd");
        if (!List.of("bg-nbd", "pareto-nbd", "modified-bg-nbd").contains(modelName)) {
            throw new UsageException("--model must be bg-nbd, pareto-nbd or modified-bg-nbd, was '" + modelName + "'");
        }
        int months = months(options);
        double discountRate = number(options, "--discount-rate", 0.01);
        FitOptions fit = FitOptions.defaults().withPenalizer(number(options, "--penalizer", 0));
        List<CustomerSummary> customers = summarize(options);
        List<PurchaseHistory> histories =
                customers.stream().map(CustomerSummary::history).toList();
        PurchaseModel model = switch (modelName) {
            case "bg-nbd" -> BgNbdModel.fit(histories, fit);
            case "pareto-nbd" -> ParetoNbdModel.fit(histories, fit);
            default -> ModifiedBgNbdModel.fit(histories, fit);
        };
        ModelFit estimation = model.estimation().orElseThrow();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.name());
        result.put("parameters", model.parameters());
        result.put("standardErrors", estimation.standardErrors());
        result.put("logLikelihood", estimation.logLikelihood());
        result.put("customers", customers.size());
        if (spendName == null) {
            return result;
        }
        GammaGammaModel spend =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), fit);
        result.put("spend", spend.parameters());
        result.put("spendLogLikelihood", spend.estimation().orElseThrow().logLikelihood());
        LifetimeValue value = LifetimeValue.of(model, spend, months, discountRate, unit(options));
        List<Map<String, Object>> rows = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", c.customerId());
            row.put("probabilityAlive", model.probabilityAlive(c.history()));
            row.put(
                    "expectedPurchases",
                    model.expectedPurchases(c.history(), months * unit(options).periodsPerMonth()));
            row.put("expectedSpend", spend.expectedSpend(SpendHistory.of(c)));
            row.put("clv", value.valueOf(c));
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, Object> row) -> (BigDecimal) row.get("clv"))
                .reversed());
        result.put("clv", rows);
        return result;
    }

    private static Map<String, Object> profitability(Map<String, String> options) {
        Profitability profitability =
                Profitability.of(amount(options, "--cost-per-order"), amount(options, "--key-threshold"));
        reader(options).read(input(options), profitability::add);
        List<Profitability.CustomerProfit> customers = profitability.customers();
        Map<Profitability.Tier, Integer> tiers = new EnumMap<>(Profitability.Tier.class);
        for (Profitability.Tier tier : Profitability.Tier.values()) {
            tiers.put(tier, 0);
        }
        List<Object> rows = new ArrayList<>();
        for (Profitability.CustomerProfit c : customers) {
            tiers.merge(c.tier(), 1, Integer::sum);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", c.customerId());
            row.put("revenue", c.revenue());
            row.put("costOfGoods", c.costOfGoods());
            row.put("costToServe", c.costToServe());
            row.put("profit", c.profit());
            row.put("tier", c.tier().name().toLowerCase(Locale.ROOT));
            rows.add(row);
        }
        Map<String, Object> tierCounts = new LinkedHashMap<>();
        tiers.forEach((tier, count) -> tierCounts.put(tier.name().toLowerCase(Locale.ROOT), count));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("customers", customers.size());
        result.put("tiers", tierCounts);
        result.put("profit", rows);
        return result;
    }

    private static List<CustomerSummary> summarize(Map<String, String> options) {
        LocalDate calibrationEnd = date(options, "--calibration-end");
        if (calibrationEnd == null) {
            throw new UsageException("--calibration-end is required");
        }
        LocalDate observationEnd = date(options, "--observation-end");
        if (observationEnd != null && observationEnd.isBefore(calibrationEnd)) {
            throw new UsageException(
                    "--observation-end " + observationEnd + " is before --calibration-end " + calibrationEnd);
        }
        CustomerSummarizer summarizer = observationEnd == null
                ? Analytics.summarizer(calibrationEnd, unit(options))
                : Analytics.summarizer(calibrationEnd, observationEnd, unit(options));
        reader(options).read(input(options), summarizer::add);
        return summarizer.summaries();
    }

    private static Path input(Map<String, String> options) {
        String file = options.get("--input");
        if (file == null) {
            throw new UsageException("--input is required");
        }
        return Path.of(file);
    }

    private static PurchaseCsvReader reader(Map<String, String> options) {
        PurchaseCsvReader.Builder builder = Analytics.csv();
        String delimiter = options.getOrDefault("--delimiter", "comma");
        switch (delimiter) {
            case "comma" -> builder.delimiter(',');
            case "tab", "\\t" -> builder.delimiter('\t');
            case "semicolon" -> builder.delimiter(';');
            case "whitespace" -> builder.whitespaceDelimited();
            default -> {
                if (delimiter.length() != 1) {
                    throw new UsageException("--delimiter must be comma, tab, semicolon, whitespace or "
                            + "one character, was '" + delimiter + "'");
                }
                builder.delimiter(delimiter.charAt(0));
            }
        }
        if (options.containsKey("--no-header")) {
            builder.withoutHeader();
        }
        if (options.containsKey("--columns")) {
            builder.columnNames(List.of(options.get("--columns").split(",")));
        }
        builder.customerColumn(options.getOrDefault("--customer-column", "customer"))
                .dateColumn(options.getOrDefault("--date-column", "date"))
                .amountColumn(options.getOrDefault("--amount-column", "amount"))
                .costColumn(options.get("--cost-column"))
                .productColumn(options.get("--product-column"))
                .datePattern(options.getOrDefault("--date-format", "yyyy-MM-dd"));
        return builder.build();
    }

    private static PeriodUnit unit(Map<String, String> options) {
        String unit = options.getOrDefault("--time-unit", "days");
        return switch (unit) {
            case "days" -> PeriodUnit.DAYS;
            case "weeks" -> PeriodUnit.WEEKS;
            default -> throw new UsageException("--time-unit must be days or weeks, was '" + unit + "'");
        };
    }

    private static LocalDate date(Map<String, String> options, String name) {
        String text = options.get(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be a date yyyy-MM-dd, was '" + text + "'");
        }
    }

    /** A finite, non-negative number; the default when the option is absent. */
    private static double number(Map<String, String> options, String name, double defaultValue) {
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number, was '" + text + "'");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new UsageException(name + " must be a finite number, not negative, was '" + text + "'");
        }
        return value;
    }

    /** A non-negative decimal amount within the limits of an amount; the default when the option is absent. */
    private static BigDecimal amount(Map<String, String> options, String name) {
        String text = options.get(name);
        if (text == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal value;
        try {
            value = text.length() <= org.crmkit.core.common.Money.MAX_TEXT_LENGTH ? new BigDecimal(text) : null;
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() < 0 || !org.crmkit.core.common.Money.isWithinLimits(value)) {
            throw new UsageException(name + " must be a decimal amount, not negative, with at most "
                    + org.crmkit.core.common.Money.MAX_INTEGER_DIGITS + " digits before the decimal point and "
                    + org.crmkit.core.common.Money.MAX_DECIMALS + " after it, was '" + text + "'");
        }
        return value;
    }

    /** A whole number of months from 1 to {@link LifetimeValue#MAX_MONTHS}. */
    private static int months(Map<String, String> options) {
        String text = options.getOrDefault("--months", "12");
        try {
            int months = Integer.parseInt(text);
            if (months >= 1 && months <= LifetimeValue.MAX_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // refused below, with the other values out of range
        }
        throw new UsageException("--months must be a whole number of months from 1 to " + LifetimeValue.MAX_MONTHS
                + ", was '" + text + "'");
    }
}
