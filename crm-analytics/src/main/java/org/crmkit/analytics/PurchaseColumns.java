package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a purchase file, resolved once from its header or the configured names, and the reading of one
 * record from a line's fields. Not thread-safe: one per read.
 *
 * <p>Two ways lead to the same record: {@link #record(List, long)} from the fields as text, and
 * {@link #simpleRecord} straight from the bytes of an ASCII line without quotes, whose fields need
 * no stripping and hold plain dates and amounts. The second gives up (null) on anything else, so every refusal comes
 * from the first, with the same message.
 */
final class PurchaseColumns {

    private static final int MAX_CACHED_DATES = 100_000;

    /** The columns' indexes and names, as resolved: customer, date, amount, cost, product. */
    private final int[] indexes;

    private final String[] names;
    private final int customer;
    private final String customerName;
    private final int date;
    private final String dateName;
    private final int amount;
    private final String amountName;
    private final int cost;
    private final String costName;
    private final int product;
    private final String productName;
    private final DateTimeFormatter dateFormat;
    private final String datePattern;
    /** Dates already read, by their text: purchase files repeat few distinct days many times. */
    private final Map<String, LocalDate> dates = new HashMap<>();
    /** The fields of a simple line, read from its bytes. */
    private final SimpleLine simpleLine;

    private PurchaseColumns(int[] indexes, String[] names, DateTimeFormatter dateFormat, String datePattern) {
        this.indexes = indexes;
        this.names = names;
        this.customer = indexes[0];
        this.date = indexes[1];
        this.amount = indexes[2];
        this.cost = indexes[3];
        this.product = indexes[4];
        this.customerName = names[0];
        this.dateName = names[1];
        this.amountName = names[2];
        this.costName = names[3];
        this.productName = names[4];
        this.dateFormat = dateFormat;
        this.datePattern = datePattern;
        this.simpleLine = new SimpleLine(
                SimpleLine.DateShape.of(datePattern),
                Arrays.stream(indexes).max().orElseThrow());
    }

    /**
     * Finds the columns by name among the header's (or the configured) names, or, without header, by 1-based
     * position; names is customer, date, amount, cost, product, the last two null when not read.
     */
    static PurchaseColumns resolve(
            List<String> header,
            long lineNumber,
            boolean fromHeader,
            String[] names,
            DateTimeFormatter dateFormat,
            String datePattern) {
        List<String> cleaned = header.stream().map(String::strip).toList();
        int[] indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            indexes[i] = names[i] == null ? -1 : index(cleaned, names[i], lineNumber, fromHeader);
        }
        return new PurchaseColumns(indexes, names, dateFormat, datePattern);
    }

    private static int index(List<String> names, String column, long lineNumber, boolean fromHeader) {
        int found = names.indexOf(column);
        if (found >= 0) {
            return found;
        }
        if (!fromHeader && column.chars().allMatch(Character::isDigit)) {
            int position = Integer.parseInt(column);
            if (position >= 1) {
                return position - 1;
            }
        }
        String where = fromHeader ? "line " + lineNumber + ": header " + names : "columns " + names;
        throw new AnalyticsException(
                AnalyticsException.Reason.MALFORMED_INPUT, column, where + " has no column '" + column + "'");
    }

    /** The same columns for a reading of another part of the file (one is not thread-safe). */
    PurchaseColumns copy() {
        return new PurchaseColumns(indexes, names, dateFormat, datePattern);
    }

    /** The record of a line's fields, or a refusal naming the line and column. */
    PurchaseRecord record(List<String> fields, long line) {
        String id = field(fields, customer, customerName, line);
        if (id.isBlank()) {
            throw malformed(line, customer, customerName, "customer id is blank");
        }
        LocalDate day = parseDate(field(fields, date, dateName, line), line);
        BigDecimal revenue = parseAmount(field(fields, amount, amountName, line), line, amount, amountName);
        BigDecimal goods = null;
        if (cost >= 0) {
            String text = field(fields, cost, costName, line);
            goods = text.isEmpty() ? null : parseAmount(text, line, cost, costName);
        }
        String productId = product >= 0 ? field(fields, product, productName, line) : null;
        return new PurchaseRecord(id, day, revenue, goods, productId);
    }

    /**
     * The record of an ASCII line cut at a single-character delimiter, read from its bytes; null when the line
     * holds a quote, lacks a column, or a field read is empty or starts or ends with whitespace, so that
     * {@link #record(List, long)} reads it (or refuses it) instead.
     */
    PurchaseRecord simpleRecord(byte[] bytes, int offset, int length, char delimiter, long line) {
        if (!simple(bytes, offset, length, delimiter)) {
            return null;
        }
        String id = simpleLine.customerId(bytes, customer);
        LocalDate day = simpleDate(bytes, line);
        BigDecimal revenue = simpleAmount(bytes, amount, amountName, line);
        BigDecimal goods = cost >= 0 ? simpleAmount(bytes, cost, costName, line) : null;
        String productId = product >= 0 ? simpleLine.text(bytes, product) : null;
        return new PurchaseRecord(id, day, revenue, goods, productId);
    }

    /**
     * Adds the purchase of a simple line, read as {@link #simpleRecord} reads it and refused as it refuses it, to the
     * summarizer without making a record; false when the line must be read from its text. A refusal of the
     * summarizer gains the line.
     */
    boolean summarizeSimple(
            byte[] bytes, int offset, int length, char delimiter, long line, CustomerSummarizer summarizer) {
        if (!simple(bytes, offset, length, delimiter)) {
            return false;
        }
        long day = simpleLine.epochDay(bytes, date);
        if (day == SimpleLine.NOT_SIMPLE) {
            day = parseDate(simpleLine.text(bytes, date), line).toEpochDay();
        }
        long unscaled = 0;
        int scale = 0;
        BigDecimal exactAmount = null;
        if (simpleLine.amount(bytes, amount)) {
            unscaled = simpleLine.unscaled();
            scale = simpleLine.scale();
        } else {
            exactAmount = parseAmount(simpleLine.text(bytes, amount), line, amount, amountName);
        }
        if (cost >= 0 && !simpleLine.amount(bytes, cost)) {
            // not summarized, but a cost the record would refuse is refused here too
            parseAmount(simpleLine.text(bytes, cost), line, cost, costName);
        }
        try {
            summarizer.add(
                    bytes, simpleLine.start(customer), simpleLine.end(customer), day, unscaled, scale, exactAmount);
        } catch (AnalyticsException e) {
            throw e.atLine(line);
        }
        return true;
    }

    /** Whether the line can be read from its bytes: no quote, every column there, the fields read trimmed. */
    private boolean simple(byte[] bytes, int offset, int length, char delimiter) {
        return simpleLine.cut(bytes, offset, offset + length, delimiter)
                && simpleLine.trimmed(bytes, customer)
                && simpleLine.trimmed(bytes, date)
                && simpleLine.trimmed(bytes, amount)
                && (cost < 0 || simpleLine.trimmed(bytes, cost))
                && (product < 0 || simpleLine.empty(product) || simpleLine.trimmed(bytes, product));
    }

    private LocalDate simpleDate(byte[] bytes, long line) {
        LocalDate day = simpleLine.date(bytes, date);
        return day != null ? day : parseDate(simpleLine.text(bytes, date), line);
    }

    private BigDecimal simpleAmount(byte[] bytes, int index, String name, long line) {
        return simpleLine.amount(bytes, index)
                ? BigDecimal.valueOf(simpleLine.unscaled(), simpleLine.scale())
                : parseAmount(simpleLine.text(bytes, index), line, index, name);
    }

    private String field(List<String> fields, int index, String name, long line) {
        if (index >= fields.size()) {
            throw malformed(line, index, name, "the line has only " + fields.size() + " fields");
        }
        return fields.get(index);
    }

    private LocalDate parseDate(String text, long line) {
        LocalDate known = dates.get(text);
        if (known != null) {
            return known;
        }
        try {
            LocalDate parsed = LocalDate.from(dateFormat.parse(text));
            if (dates.size() >= MAX_CACHED_DATES) {
                dates.clear();
            }
            dates.put(text, parsed);
            return parsed;
        } catch (DateTimeParseException e) {
            String why = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw malformed(line, date, dateName, "cannot read '" + text + "' with pattern " + datePattern + why);
        } catch (RuntimeException e) {
            throw malformed(line, date, dateName, "'" + text + "' holds no full date for pattern " + datePattern);
        }
    }

    private BigDecimal parseAmount(String text, long line, int index, String name) {
        if (!Money.isShortEnough(text)) {
            throw malformed(
                    line,
                    index,
                    name,
                    "an amount of " + text.length() + " characters is longer than "
                            + org.crmkit.core.common.Money.MAX_TEXT_LENGTH);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw malformed(line, index, name, "cannot read '" + text + "' as an amount");
        }
        if (value.signum() < 0) {
            throw malformed(line, index, name, "amount " + text + " is negative");
        }
        if (!org.crmkit.core.common.Money.isWithinLimits(value)) {
            throw malformed(line, index, name, "'" + text + "' is beyond " + Money.LIMITS);
        }
        return value;
    }

    private static AnalyticsException malformed(long line, int index, String name, String problem) {
        return new AnalyticsException(
                AnalyticsException.Reason.MALFORMED_INPUT,
                name,
                "line " + line + ", column " + (index + 1) + " (" + name + "): " + problem);
    }
}
