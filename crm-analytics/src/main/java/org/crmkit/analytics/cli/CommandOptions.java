package org.crmkit.analytics.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.PurchaseCsvReader;

/**
 * The options of one sub-command, parsed strictly: an option the sub-command does not know (with the closest one
 * suggested), a repeated option or a malformed value is a {@link UsageException} naming it.
 */
final class CommandOptions {

    static final List<String> COMMANDS = List.of("summary", "rfm", "clv", "profitability");

    private static final Set<String> FLAGS = Set.of("--no-header");
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
            "--date-format",
            "--format",
            "--output");
    private static final Set<String> SUMMARY_OPTIONS = Set.of("--calibration-end", "--observation-end", "--time-unit");
    private static final Set<String> CLV_OPTIONS =
            Set.of("--model", "--spend", "--penalizer", "--months", "--discount-rate");
    private static final Set<String> PROFITABILITY_OPTIONS = Set.of("--cost-per-order", "--key-threshold");
    /** The sub-commands whose rows have an order of value, for {@code --top}. */
    private static final Set<String> RANKED = Set.of("summary", "clv", "profitability");

    private final String command;
    private final Map<String, String> values;

    private CommandOptions(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /** The sub-command named by its first argument and its options from the others. */
    static CommandOptions parse(String[] args) {
        String command = args[0];
        if (!COMMANDS.contains(command)) {
            throw new UsageException("unknown command '" + command + "'" + suggestion(command, COMMANDS));
        }
        Set<String> applicable = optionsOf(command);
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
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
        return new CommandOptions(command, options);
    }

    String command() {
        return command;
    }

    String get(String name) {
        return values.get(name);
    }

    String getOrDefault(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
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
        if (RANKED.contains(command)) {
            known.add("--top");
        }
        return known;
    }

    private static String unknownOption(String command, String name) {
        List<String> all = new ArrayList<>(INPUT_OPTIONS);
        all.addAll(SUMMARY_OPTIONS);
        all.addAll(CLV_OPTIONS);
        all.addAll(PROFITABILITY_OPTIONS);
        all.add("--top");
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

    Path input() {
        String file = values.get("--input");
        if (file == null) {
            throw new UsageException("--input is required");
        }
        return Path.of(file);
    }

    /** The file of the per-customer rows; null for standard output. */
    Path output() {
        String file = values.get("--output");
        return file == null ? null : Path.of(file);
    }

    CustomerTable.Format format() {
        String format = values.getOrDefault("--format", "csv");
        return switch (format) {
            case "csv" -> CustomerTable.Format.CSV;
            case "jsonl" -> CustomerTable.Format.JSON_LINES;
            default -> throw new UsageException("--format must be csv or jsonl, was '" + format + "'");
        };
    }

    /** The number of rows of {@code --top}, or 0 for every customer in input order. */
    int top() {
        String text = values.get("--top");
        if (text == null) {
            return 0;
        }
        try {
            int top = Integer.parseInt(text);
            if (top >= 1) {
                return top;
            }
        } catch (NumberFormatException e) {
            // refused below, with the numbers out of range
        }
        throw new UsageException("--top must be a whole number of customers from 1, was '" + text + "'");
    }

    PurchaseCsvReader reader() {
        PurchaseCsvReader.Builder builder = Analytics.csv();
        String delimiter = values.getOrDefault("--delimiter", "comma");
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
        if (values.containsKey("--no-header")) {
            builder.withoutHeader();
        }
        if (values.containsKey("--columns")) {
            builder.columnNames(List.of(values.get("--columns").split(",")));
        }
        builder.customerColumn(values.getOrDefault("--customer-column", "customer"))
                .dateColumn(values.getOrDefault("--date-column", "date"))
                .amountColumn(values.getOrDefault("--amount-column", "amount"))
                .costColumn(values.get("--cost-column"))
                .productColumn(values.get("--product-column"))
                .datePattern(values.getOrDefault("--date-format", "yyyy-MM-dd"));
        return builder.build();
    }

    PeriodUnit unit() {
        String unit = values.getOrDefault("--time-unit", "days");
        return switch (unit) {
            case "days" -> PeriodUnit.DAYS;
            case "weeks" -> PeriodUnit.WEEKS;
            default -> throw new UsageException("--time-unit must be days or weeks, was '" + unit + "'");
        };
    }

    LocalDate date(String name) {
        String text = values.get(name);
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
    double number(String name, double defaultValue) {
        String text = values.get(name);
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

    /** A non-negative decimal amount within the limits of an amount; zero when the option is absent. */
    BigDecimal amount(String name) {
        String text = values.get(name);
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
    int months() {
        String text = values.getOrDefault("--months", "12");
        try {
            int months = Integer.parseInt(text);
            if (months >= 1 && months <= LifetimeValue.MAX_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // refused below, with the values out of range
        }
        throw new UsageException("--months must be a whole number of months from 1 to " + LifetimeValue.MAX_MONTHS
                + ", was '" + text + "'");
    }
}
