package org.crmkit.analytics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
    private static final int DAY_CACHE_SIZE = 8192;

    /** The shapes of date the bytes are read for directly. */
    private enum DateShape {
        ISO,
        COMPACT,
        OTHER
    }

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
    private final DateShape dateShape;
    /** The last field holding a column that is read, 0-based. */
    private final int lastUsed;
    /** Dates already read, by their text: purchase files repeat few distinct days many times. */
    private final Map<String, LocalDate> dates = new HashMap<>();
    /** Dates read from bytes, by year, month and day packed into an int, direct-mapped. */
    private final int[] dayKeys = new int[DAY_CACHE_SIZE];

    private final LocalDate[] days = new LocalDate[DAY_CACHE_SIZE];
    /** The customer id of the last simple record and its bytes: a file sorted by customer makes one String each. */
    private byte[] lastIdBytes = new byte[64];

    private int lastIdLength = -1;
    private String lastId;
    private final int[] starts;
    private final int[] ends;

    private PurchaseColumns(int[] indexes, String[] names, DateTimeFormatter dateFormat, String datePattern) {
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
        this.dateShape = switch (datePattern) {
            case "yyyy-MM-dd" -> DateShape.ISO;
            case "yyyyMMdd" -> DateShape.COMPACT;
            default -> DateShape.OTHER;
        };
        this.lastUsed = Arrays.stream(indexes).max().orElseThrow();
        this.starts = new int[lastUsed + 1];
        this.ends = new int[lastUsed + 1];
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
        int found = delimiter == DelimitedLine.WHITESPACE
                ? cutAtWhitespace(bytes, offset, offset + length)
                : cutAt(delimiter, bytes, offset, offset + length);
        if (found <= lastUsed
                || !trimmed(bytes, customer)
                || !trimmed(bytes, date)
                || !trimmed(bytes, amount)
                || (cost >= 0 && !trimmed(bytes, cost))
                || (product >= 0 && starts[product] < ends[product] && !trimmed(bytes, product))) {
            return null;
        }
        String id = customerId(bytes, starts[customer], ends[customer]);
        LocalDate day = dayOf(bytes, starts[date], ends[date]);
        if (day == null) {
            day = parseDate(text(bytes, date), line);
        }
        BigDecimal revenue = amountOf(bytes, starts[amount], ends[amount]);
        if (revenue == null) {
            revenue = parseAmount(text(bytes, amount), line, amount, amountName);
        }
        BigDecimal goods = null;
        if (cost >= 0) {
            goods = amountOf(bytes, starts[cost], ends[cost]);
            if (goods == null) {
                goods = parseAmount(text(bytes, cost), line, cost, costName);
            }
        }
        String productId = product >= 0 ? text(bytes, product) : null;
        return new PurchaseRecord(id, day, revenue, goods, productId);
    }

    /** Notes where the fields up to the last one read start and end; how many were found, 0 for a quote. */
    private int cutAt(char delimiter, byte[] bytes, int from, int to) {
        int field = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return 0;
            }
            if (b == delimiter && field <= lastUsed) {
                starts[field] = start;
                ends[field] = i;
                field++;
                start = i + 1;
            }
        }
        if (field <= lastUsed) {
            starts[field] = start;
            ends[field] = to;
            field++;
        }
        return field;
    }

    /** As {@link #cutAt} for fields separated by runs of whitespace (as {@link Character#isWhitespace} has it). */
    private int cutAtWhitespace(byte[] bytes, int from, int to) {
        int field = 0;
        int i = from;
        while (i < to && field <= lastUsed) {
            while (i < to && whitespace(bytes[i])) {
                i++;
            }
            int start = i;
            while (i < to && !whitespace(bytes[i])) {
                i++;
            }
            if (i > start) {
                starts[field] = start;
                ends[field] = i;
                field++;
            }
        }
        return field;
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
    }

    /** Whether the field is not empty and has no whitespace (nor other control byte) at either end. */
    private boolean trimmed(byte[] bytes, int index) {
        return starts[index] < ends[index] && bytes[starts[index]] > ' ' && bytes[ends[index] - 1] > ' ';
    }

    private String text(byte[] bytes, int index) {
        return new String(bytes, starts[index], ends[index] - starts[index], StandardCharsets.US_ASCII);
    }

    private String customerId(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == lastIdLength && Arrays.equals(bytes, from, to, lastIdBytes, 0, length)) {
            return lastId;
        }
        if (length > lastIdBytes.length) {
            lastIdBytes = new byte[Math.max(length, lastIdBytes.length * 2)];
        }
        System.arraycopy(bytes, from, lastIdBytes, 0, length);
        lastIdLength = length;
        lastId = new String(bytes, from, length, StandardCharsets.US_ASCII);
        return lastId;
    }

    /**
     * The date of yyyy-MM-dd or yyyyMMdd digits, as the strict formatter reads them (year of era from 1, month 1
     * to 12, a day the month has); null for any other text, which the formatter then reads or refuses.
     */
    private LocalDate dayOf(byte[] bytes, int from, int to) {
        int year;
        int month;
        int day;
        if (dateShape == DateShape.ISO && to - from == 10 && bytes[from + 4] == '-' && bytes[from + 7] == '-') {
            year = digits(bytes, from, 4);
            month = digits(bytes, from + 5, 2);
            day = digits(bytes, from + 8, 2);
        } else if (dateShape == DateShape.COMPACT && to - from == 8) {
            year = digits(bytes, from, 4);
            month = digits(bytes, from + 4, 2);
            day = digits(bytes, from + 6, 2);
        } else {
            return null;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        int key = (year << 9) | (month << 5) | day;
        int slot = key & (DAY_CACHE_SIZE - 1);
        if (dayKeys[slot] == key) {
            return days[slot];
        }
        if (day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        LocalDate parsed = LocalDate.of(year, month, day);
        dayKeys[slot] = key;
        days[slot] = parsed;
        return parsed;
    }

    /** The number of count decimal digits; negative when one is not a digit. */
    private static int digits(byte[] bytes, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * The amount of at most 18 digits with at most one decimal point and at most 12 decimals, as
     * {@code new BigDecimal(text)} reads it (same digits, same scale); null for any other text.
     */
    private static BigDecimal amountOf(byte[] bytes, int from, int to) {
        if (to - from > 18) {
            return null;
        }
        long unscaled = 0;
        int scale = -1;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits = true;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        return digits && scale <= org.crmkit.core.common.Money.MAX_DECIMALS
                ? BigDecimal.valueOf(unscaled, Math.max(scale, 0))
                : null;
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
