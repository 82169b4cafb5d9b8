package org.crmkit.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads purchase records from delimited text, one record a line, streaming (nothing but the current line is kept).
 *
 * <p>Columns are named: by the header row, or, for a file without header, by {@link Builder#columnNames} or by
 * their 1-based position written as digits ({@code "3"}). The delimiter is a single character (comma by default,
 * tab, semicolon, ...) or {@linkplain Builder#whitespaceDelimited() runs of whitespace}, where leading and trailing
 * whitespace is ignored. With a single-character delimiter a field may be quoted with {@code "}, a doubled quote
 * standing for one; a quoted field cannot span lines. Blank lines are skipped.
 *
 * <p>Dates are parsed strictly ({@code 2021-02-31} is refused). Amounts keep the limits of crm-core's
 * {@link org.crmkit.core.common.Money}: at most 18 digits before the decimal point and 12 after it, written in at
 * most 100 characters, so that no exponent makes a later sum or printout run for minutes. Reading takes time in
 * proportion to the input, however its quotes fall.
 *
 * <p>Every failure is an {@link AnalyticsException} whose message names the line (1-based, header included) and the
 * column, e.g. {@code date: line 12, column 3 (date): cannot read '1997-13-01' with pattern yyyy-MM-dd}; reading a
 * file, the message starts with the file, and invalid UTF-8 is refused at its line and byte.
 *
 * <p>Immutable and thread-safe; build one with {@link Analytics#csv()}.
 */
public final class PurchaseCsvReader {

    private static final char WHITESPACE = '\0';

    private final char delimiter;
    private final boolean header;
    private final List<String> columnNames;
    private final String customerColumn;
    private final String dateColumn;
    private final String amountColumn;
    private final String costColumn;
    private final String productColumn;
    private static final int MAX_CACHED_DATES = 100_000;

    private final DateTimeFormatter dateFormat;
    private final String datePattern;

    private PurchaseCsvReader(Builder builder) {
        this.delimiter = builder.delimiter;
        this.header = builder.header;
        this.columnNames = List.copyOf(builder.columnNames);
        this.customerColumn = builder.customerColumn;
        this.dateColumn = builder.dateColumn;
        this.amountColumn = builder.amountColumn;
        this.costColumn = builder.costColumn;
        this.productColumn = builder.productColumn;
        this.datePattern = builder.datePattern;
        try {
            // Strict: 2021-02-31 is refused, not read as the last day of February. A pattern's year of era (yyyy)
            // needs an era to resolve strictly; the current era is the one meant.
            this.dateFormat = new DateTimeFormatterBuilder()
                    .appendPattern(builder.datePattern)
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter()
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INVALID_ARGUMENT,
                    "datePattern",
                    "'" + builder.datePattern + "' is not a date pattern: " + e.getMessage(),
                    e);
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a UTF-8 file and hands each record to the consumer, in file order.
     *
     * @return the number of records read
     * @throws AnalyticsException on malformed input (invalid UTF-8 included) or empty input, or when the consumer
     *                            refuses a record (the message then gains the line); every message starts with the
     *                            file. {@link AnalyticsException.Reason#UNREADABLE_INPUT} when the file is missing,
     *                            a directory or cannot be read.
     */
    public long read(Path file, Consumer<? super PurchaseRecord> consumer) {
        if (Files.isDirectory(file)) {
            throw unreadable(file, "is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readUtf8(in, consumer);
        } catch (AnalyticsException e) {
            throw e.inFile(file);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file");
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied");
        } catch (IOException e) {
            throw unreadable(file, "cannot be read: " + e.getMessage());
        }
    }

    /** Reads UTF-8 bytes, line by line, so that invalid UTF-8 is refused at its own line. */
    long readUtf8(InputStream in, Consumer<? super PurchaseRecord> consumer) throws IOException {
        return read(new Utf8Lines(in)::next, consumer);
    }

    private static AnalyticsException unreadable(Path file, String problem) {
        return new AnalyticsException(AnalyticsException.Reason.UNREADABLE_INPUT, "input", file + ": " + problem);
    }

    /** Reads all records of a file into a list; for files that fit in memory. */
    public List<PurchaseRecord> readAll(Path file) {
        List<PurchaseRecord> records = new ArrayList<>();
        read(file, records::add);
        return records;
    }

    /**
     * Reads from a character stream, which the caller closes, and hands each record to the consumer.
     *
     * @return the number of records read
     * @throws AnalyticsException on malformed or empty input, or when the consumer refuses a record;
     *                            {@link AnalyticsException.Reason#UNREADABLE_INPUT} when the stream fails
     */
    public long read(Reader source, Consumer<? super PurchaseRecord> consumer) {
        BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source);
        try {
            return read(in::readLine, consumer);
        } catch (IOException e) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.UNREADABLE_INPUT,
                    "input",
                    "the input cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** Lines of text, without their terminators; null after the last. */
    @FunctionalInterface
    private interface Lines {
        String next() throws IOException;
    }

    private long read(Lines in, Consumer<? super PurchaseRecord> consumer) throws IOException {
        long lineNumber = 0;
        long records = 0;
        Layout layout = null;
        String line;
        while ((line = in.next()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, lineNumber);
            if (layout == null) {
                layout = header ? resolve(fields, lineNumber, true) : resolve(columnNames, lineNumber, false);
                if (header) {
                    continue;
                }
            }
            PurchaseRecord record = layout.record(fields, lineNumber);
            try {
                consumer.accept(record);
            } catch (AnalyticsException e) {
                throw e.atLine(lineNumber);
            }
            records++;
        }
        if (records == 0) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.EMPTY_INPUT,
                    "input",
                    lineNumber == 0 ? "the input is empty" : "line " + lineNumber + ": the input holds no record");
        }
        return records;
    }

    private List<String> split(String line, long lineNumber) {
        List<String> fields = new ArrayList<>();
        if (delimiter == WHITESPACE) {
            int i = 0;
            int n = line.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    fields.add(line.substring(start, i));
                }
            }
            if (fields.isEmpty()) {
                fields.add("");
            }
            return fields;
        }
        if (line.indexOf('"') < 0) {
            // Without quotes a field is what lies between two delimiters: cut, not copied character by character.
            int start = 0;
            int end;
            while ((end = line.indexOf(delimiter, start)) >= 0) {
                fields.add(line.substring(start, end).strip());
                start = end + 1;
            }
            fields.add(line.substring(start).strip());
            return fields;
        }
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        // Kept as the field grows rather than asked of it, so that each character is looked at once.
        boolean blankSoFar = true;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && blankSoFar && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == delimiter) {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
                blankSoFar = true;
            } else {
                field.append(c);
                blankSoFar = blankSoFar && Character.isWhitespace(c);
            }
            i++;
        }
        if (quoted) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "input",
                    "line " + lineNumber + ", column " + (fields.size() + 1) + ": quoted field is not closed");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }

    private Layout resolve(List<String> names, long lineNumber, boolean fromHeader) {
        List<String> cleaned = names.stream().map(String::strip).toList();
        return new Layout(
                index(cleaned, customerColumn, lineNumber, fromHeader),
                customerColumn,
                index(cleaned, dateColumn, lineNumber, fromHeader),
                dateColumn,
                index(cleaned, amountColumn, lineNumber, fromHeader),
                amountColumn,
                costColumn == null ? -1 : index(cleaned, costColumn, lineNumber, fromHeader),
                costColumn,
                productColumn == null ? -1 : index(cleaned, productColumn, lineNumber, fromHeader),
                productColumn);
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

    /** Column positions, resolved once from the header or the configured names. */
    private final class Layout {
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
        /** Dates already read, by their text: purchase files repeat few distinct days many times. */
        private final Map<String, LocalDate> dates = new HashMap<>();

        Layout(
                int customer,
                String customerName,
                int date,
                String dateName,
                int amount,
                String amountName,
                int cost,
                String costName,
                int product,
                String productName) {
            this.customer = customer;
            this.customerName = customerName;
            this.date = date;
            this.dateName = dateName;
            this.amount = amount;
            this.amountName = amountName;
            this.cost = cost;
            this.costName = costName;
            this.product = product;
            this.productName = productName;
        }

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
            BigDecimal value = plainAmount(text);
            if (value == null) {
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw malformed(line, index, name, "cannot read '" + text + "' as an amount");
                }
            }
            if (value.signum() < 0) {
                throw malformed(line, index, name, "amount " + text + " is negative");
            }
            if (!org.crmkit.core.common.Money.isWithinLimits(value)) {
                throw malformed(line, index, name, "'" + text + "' is beyond " + Money.LIMITS);
            }
            return value;
        }

        /**
         * The amount of a text of digits with at most one decimal point and at most 18 characters ({@code 12.50},
         * {@code 7}, {@code .5}), as {@code new BigDecimal(text)} reads it (same digits, same scale) but without its
         * copy of the text; null for any other text, which {@code BigDecimal} then reads or refuses.
         */
        private static BigDecimal plainAmount(String text) {
            int length = text.length();
            if (length == 0 || length > 18) {
                return null;
            }
            long unscaled = 0;
            int scale = -1;
            boolean digits = false;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
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
            return digits ? BigDecimal.valueOf(unscaled, Math.max(scale, 0)) : null;
        }

        private AnalyticsException malformed(long line, int index, String name, String problem) {
            return new AnalyticsException(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    name,
                    "line " + line + ", column " + (index + 1) + " (" + name + "): " + problem);
        }
    }

    /** Configures a {@link PurchaseCsvReader}. Defaults: comma, header row, columns {@code customer}, {@code date},
     * {@code amount}, date pattern {@code yyyy-MM-dd}, no cost, no product. */
    public static final class Builder {
        private char delimiter = ',';
        private boolean header = true;
        private List<String> columnNames = List.of();
        private String customerColumn = "customer";
        private String dateColumn = "date";
        private String amountColumn = "amount";
        private String costColumn;
        private String productColumn;
        private String datePattern = "yyyy-MM-dd";

        private Builder() {}

        /** Fields are separated by this character (comma, tab, semicolon, ...). */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == WHITESPACE) {
                throw AnalyticsException.invalidArgument("delimiter", "cannot be " + (int) delimiter);
            }
            this.delimiter = delimiter;
            return this;
        }

        /** Fields are separated by runs of spaces and tabs; no quoting. */
        public Builder whitespaceDelimited() {
            this.delimiter = WHITESPACE;
            return this;
        }

        /** The first non-blank line names the columns (the default). */
        public Builder withHeader() {
            this.header = true;
            return this;
        }

        /** The file has no header; columns are named by {@link #columnNames} or by 1-based position. */
        public Builder withoutHeader() {
            this.header = false;
            return this;
        }

        /** Names the columns of a file without header, in order. */
        public Builder columnNames(List<String> names) {
            this.columnNames = List.copyOf(names);
            return this;
        }

        /** The column holding the customer id. */
        public Builder customerColumn(String column) {
            this.customerColumn = required("customerColumn", column);
            return this;
        }

        /** The column holding the purchase date. */
        public Builder dateColumn(String column) {
            this.dateColumn = required("dateColumn", column);
            return this;
        }

        /** The column holding the amount (revenue). */
        public Builder amountColumn(String column) {
            this.amountColumn = required("amountColumn", column);
            return this;
        }

        /** The column holding the cost of goods; {@code null} for none. An empty field means unknown. */
        public Builder costColumn(String column) {
            this.costColumn = column;
            return this;
        }

        /** The column holding the product id; {@code null} for none. */
        public Builder productColumn(String column) {
            this.productColumn = column;
            return this;
        }

        /**
         * The {@link DateTimeFormatter} pattern of the date column, e.g. {@code yyyyMMdd} or
         * {@code yyyy-MM-dd HH:mm:ss} (the time of day is read and dropped).
         */
        public Builder datePattern(String pattern) {
            this.datePattern = required("datePattern", pattern);
            return this;
        }

        /** Builds the reader. */
        public PurchaseCsvReader build() {
            return new PurchaseCsvReader(this);
        }

        private static String required(String field, String value) {
            if (value == null || value.isBlank()) {
                throw AnalyticsException.invalidArgument(field, "is required");
            }
            return value.strip();
        }
    }
}
