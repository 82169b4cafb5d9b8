package org.crmkit.analytics.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.AnalyticsException;
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

/**
 * Command line: {@code summary | rfm | clv | profitability}, reading purchase CSV and writing JSON to standard
 * output. Bad input ends with a message on standard error (naming line and column where the input is at fault) and
 * exit code 1; a usage error exits with 2. Run without arguments for the options.
 */
public final class AnalyticsCommand {

    private static final String USAGE = String.join("\n",
            "usage: java -jar crmkit-analytics.jar <summary|rfm|clv|profitability> --input FILE [options]",
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
            "  --months N                  CLV horizon in months (12)",
            "  --discount-rate X           monthly discount rate (0.01)",
            "  --cost-per-order X          cost to serve per order (profitability, 0)",
            "  --key-threshold X           minimum profit of a key customer (profitability, 0)");

    private static final Set<String> FLAGS = Set.of("--no-header");

    private AnalyticsCommand() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the command, writing JSON to {@code out} and messages to {@code err}.
     *
     * @return 0 on success, 1 on bad input or a failed analysis, 2 on a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options;
        try {
            options = parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Map<String, Object> result = switch (args[0]) {
                case "summary" -> summary(options);
                case "rfm" -> rfm(options);
                case "clv" -> clv(options);
                case "profitability" -> profitability(options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
            out.print(Json.write(result));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (AnalyticsException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
        }
        return options;
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
        List<CustomerSummary> customers = summarize(options);
        List<PurchaseHistory> histories = customers.stream().map(CustomerSummary::history).toList();
        FitOptions fit = FitOptions.defaults().withPenalizer(number(options, "--penalizer", 0));
        String modelName = options.getOrDefault("--model", "bg-nbd");
        PurchaseModel model = switch (modelName) {
            case "bg-nbd" -> BgNbdModel.fit(histories, fit);
            case "pareto-nbd" -> ParetoNbdModel.fit(histories, fit);
            case "modified-bg-nbd" -> ModifiedBgNbdModel.fit(histories, fit);
            default -> throw new IllegalArgumentException("unknown model '" + modelName + "'");
        };
        ModelFit estimation = model.estimation().orElseThrow();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.name());
        result.put("parameters", model.parameters());
        result.put("standardErrors", estimation.standardErrors());
        result.put("logLikelihood", estimation.logLikelihood());
        result.put("customers", customers.size());
        String spendName = options.get("--spend");
        if (spendName == null) {
            return result;
        }
        if (!spendName.equals("gamma-gamma")) {
            throw new IllegalArgumentException("unknown spend model '" + spendName + "'");
        }
        GammaGammaModel spend = GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), fit);
        result.put("spend", spend.parameters());
        result.put("spendLogLikelihood", spend.estimation().orElseThrow().logLikelihood());
        int months = (int) number(options, "--months", 12);
        LifetimeValue value = LifetimeValue.of(model, spend, months, number(options, "--discount-rate", 0.01),
                unit(options));
        List<Map<String, Object>> rows = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customer", c.customerId());
            row.put("probabilityAlive", model.probabilityAlive(c.history()));
            row.put("expectedPurchases", model.expectedPurchases(c.history(),
                    months * unit(options).periodsPerMonth()));
            row.put("expectedSpend", spend.expectedSpend(SpendHistory.of(c)));
            row.put("clv", value.valueOf(c));
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, Object> row) -> (BigDecimal) row.get("clv")).reversed());
        result.put("clv", rows);
        return result;
    }

    private static Map<String, Object> profitability(Map<String, String> options) {
        Profitability profitability = Profitability.of(BigDecimal.valueOf(number(options, "--cost-per-order", 0)),
                BigDecimal.valueOf(number(options, "--key-threshold", 0)));
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
            throw new IllegalArgumentException("--calibration-end is required");
        }
        LocalDate observationEnd = date(options, "--observation-end");
        CustomerSummarizer summarizer = observationEnd == null
                ? Analytics.summarizer(calibrationEnd, unit(options))
                : Analytics.summarizer(calibrationEnd, observationEnd, unit(options));
        reader(options).read(input(options), summarizer::add);
        return summarizer.summaries();
    }

    private static Path input(Map<String, String> options) {
        String file = options.get("--input");
        if (file == null) {
            throw new IllegalArgumentException("--input is required");
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
                    throw new IllegalArgumentException("--delimiter must be comma, tab, semicolon, whitespace or "
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
            default -> throw new IllegalArgumentException("--time-unit must be days or weeks, was '" + unit + "'");
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
            throw new IllegalArgumentException(name + " must be a date yyyy-MM-dd, was '" + text + "'");
        }
    }

    private static double number(Map<String, String> options, String name, double defaultValue) {
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + text + "'");
        }
    }
}
