package org.crmkit.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
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

    private static final char WHITESPACE = DelimitedLine.WHITESPACE;

    private final char delimiter;
    private final boolean header;
    private final List<String> columnNames;
    private final String customerColumn;
    private final String dateColumn;
    private final String amountColumn;
    private final String costColumn;
    private final String productColumn;
    private final DateTimeFormatter dateFormat;
    private final String datePattern;
    private final PurchaseLines lines;

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
        this.lines = new PurchaseLines(
                delimiter,
                header,
                (fields, lineNumber) -> PurchaseColumns.resolve(
                        header ? fields : columnNames,
                        lineNumber,
                        header,
                        new String[] {customerColumn, dateColumn, amountColumn, costColumn, productColumn},
                        dateFormat,
                        datePattern));
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
        return read(file, consumer, simpleRecords(consumer));
    }

    /**
     * Reads a UTF-8 file into the summarizer: what {@code read(file, summarizer::add)} does, to the same summaries
     * and the same refusals, without making a {@link PurchaseRecord} (nor a {@code String}, a date or an amount
     * object) of a simple line (ASCII, no quote, a plain date and amount). A file of two megabytes or more is read
     * in parts cut at line ends, one per processor and megabyte (at most 8), on the caller's thread and the common
     * fork-join pool, and the parts' summaries are joined in file order; a part that fails makes the whole file be
     * read again in one pass, which reports the failure at its line. The summarizer must not be fed meanwhile.
     *
     * @return the number of records read (those after the summarizer's end of observation included)
     * @throws AnalyticsException as {@link #read(Path, Consumer)}, the summarizer's refusals gaining the line
     */
    public long summarize(Path file, CustomerSummarizer summarizer) {
        return summarize(file, summarizer, FileParts.partsFor(file));
    }

    /** As {@link #summarize(Path, CustomerSummarizer)} in at most {@code parts} parts (the tests' small files too). */
    long summarize(Path file, CustomerSummarizer summarizer, int parts) {
        long records = parts > 1 ? FileParts.summarize(this, file, summarizer, parts) : -1;
        return records >= 0 ? records : read(file, summarizer::add, summarizing(summarizer));
    }

    /**
     * Reads the lines of a part of a file into the summarizer as {@link #summarize(Path, CustomerSummarizer)} reads
     * a whole file, except that an empty part is no failure. The first part ({@code columns} null) starts at the
     * file's start and resolves the columns at its first line that is not blank, handing them to
     * {@code whenResolved}; a later part reads with the columns given. The lines of a later part are numbered from
     * its start: its failures are only good to know that it failed.
     *
     * @return the number of records read
     */
    long summarizePart(
            InputStream in,
            CustomerSummarizer summarizer,
            PurchaseColumns columns,
            Consumer<PurchaseColumns> whenResolved)
            throws IOException {
        return lines.read(
                        PurchaseLines.of(new Utf8Lines(in), summarizing(summarizer)),
                        summarizer::add,
                        columns,
                        whenResolved)
                .records();
    }

    private PurchaseLines.SimpleLines summarizing(CustomerSummarizer summarizer) {
        return (columns, bytes, offset, length, line) ->
                columns.summarizeSimple(bytes, offset, length, delimiter, line, summarizer);
    }

    private long read(Path file, Consumer<? super PurchaseRecord> consumer, PurchaseLines.SimpleLines simple) {
        if (Files.isDirectory(file)) {
            throw unreadable(file, "is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readUtf8(in, consumer, simple);
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

    long readUtf8(InputStream in, Consumer<? super PurchaseRecord> consumer) throws IOException {
        return readUtf8(in, consumer, simpleRecords(consumer));
    }

    /**
     * Reads UTF-8 bytes, line by line, so that invalid UTF-8 is refused at its own line. An ASCII line is read
     * from its bytes when it can be ({@link PurchaseColumns#simpleRecord}), otherwise from its text.
     */
    private long readUtf8(InputStream in, Consumer<? super PurchaseRecord> consumer, PurchaseLines.SimpleLines simple)
            throws IOException {
        return read(PurchaseLines.of(new Utf8Lines(in), simple), consumer);
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
            return read(PurchaseLines.of(in), consumer);
        } catch (IOException e) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.UNREADABLE_INPUT,
                    "input",
                    "the input cannot be read: " + e.getMessage(),
                    e);
        }
    }

    private PurchaseLines.SimpleLines simpleRecords(Consumer<? super PurchaseRecord> consumer) {
        return (columns, bytes, offset, length, line) -> {
            PurchaseRecord record = columns.simpleRecord(bytes, offset, length, delimiter, line);
            if (record != null) {
                PurchaseLines.accept(consumer, record, line);
            }
            return record != null;
        };
    }

    private long read(PurchaseLines.Lines in, Consumer<? super PurchaseRecord> consumer) throws IOException {
        PurchaseLines.Counts counts = lines.read(in, consumer, null, columns -> {});
        if (counts.records() == 0) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.EMPTY_INPUT,
                    "input",
                    counts.lines() == 0
                            ? "the input is empty"
                            : "line " + counts.lines() + ": the input holds no record");
        }
        return counts.records();
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
