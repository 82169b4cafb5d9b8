package org.crmkit.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reading of an input's lines into purchase records, as {@link PurchaseCsvReader} documents it: blank lines
 * skipped, the columns resolved at the first line that is not blank (its header, or the configured names), every
 * other line a record, read from its bytes when it is simple and from its text otherwise. Immutable.
 */
final class PurchaseLines {

    /** Lines of text, without their terminators. */
    interface Lines {
        /** Moves to the next line; false after the last. */
        boolean advance() throws IOException;

        String text();

        /** Reads the current line from its bytes; false when it needs its text. */
        default boolean readSimple(PurchaseColumns columns, long lineNumber) {
            return false;
        }
    }

    /** Reads a simple ASCII line from its bytes and hands on what it holds; false when the line needs its text. */
    @FunctionalInterface
    interface SimpleLines {
        boolean read(PurchaseColumns columns, byte[] bytes, int offset, int length, long line);
    }

    /** Resolves the columns from the fields of the first line that is not blank, at its number. */
    @FunctionalInterface
    interface ColumnResolver {
        PurchaseColumns resolve(List<String> fields, long lineNumber);
    }

    /** The lines and the records of a reading. */
    record Counts(long lines, long records) {}

    private final char delimiter;
    private final boolean header;
    private final ColumnResolver resolver;

    PurchaseLines(char delimiter, boolean header, ColumnResolver resolver) {
        this.delimiter = delimiter;
        this.header = header;
        this.resolver = resolver;
    }

    /** The lines of UTF-8 bytes, a simple ASCII line handed to {@code simple} first. */
    static Lines of(Utf8Lines lines, SimpleLines simple) {
        return new Lines() {
            @Override
            public boolean advance() throws IOException {
                return lines.advance();
            }

            @Override
            public String text() {
                return lines.text();
            }

            @Override
            public boolean readSimple(PurchaseColumns columns, long lineNumber) {
                return lines.ascii() && simple.read(columns, lines.bytes(), lines.offset(), lines.length(), lineNumber);
            }
        };
    }

    /** The lines of a character stream, each read from its text. */
    static Lines of(BufferedReader in) {
        return new Lines() {
            private String line;

            @Override
            public boolean advance() throws IOException {
                line = in.readLine();
                return line != null;
            }

            @Override
            public String text() {
                return line;
            }
        };
    }

    /** Hands the record of a line to the consumer; a refusal gains the line. */
    static void accept(Consumer<? super PurchaseRecord> consumer, PurchaseRecord record, long line) {
        try {
            consumer.accept(record);
        } catch (AnalyticsException e) {
            throw e.atLine(line);
        }
    }

    /**
     * Reads every line into the consumer. Without {@code known} columns the lines are the input's from its start:
     * a byte order mark opens the first, and the first that is not blank resolves the columns (handed to
     * {@code whenResolved}). With them, the lines are a later part of an input, numbered from 1 at its start.
     */
    Counts read(
            Lines in,
            Consumer<? super PurchaseRecord> consumer,
            PurchaseColumns known,
            Consumer<PurchaseColumns> whenResolved)
            throws IOException {
        PurchaseColumns columns = known;
        long lineNumber = 0;
        long records = 0;
        // The lines up to the one that resolves the columns (none when they are known), apart from the records'
        // loop: the compiled loop then holds no path its profile never saw taken (the header is read before the
        // profile starts), whose first use in the next reading would throw the compiled loop away.
        while (columns == null && in.advance()) {
            lineNumber++;
            String line = in.text();
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = DelimitedLine.split(line, delimiter, lineNumber);
            columns = resolver.resolve(fields, lineNumber);
            whenResolved.accept(columns);
            if (!header) {
                accept(consumer, columns.record(fields, lineNumber), lineNumber);
                records++;
            }
        }
        return columns == null ? new Counts(lineNumber, records) : records(in, consumer, columns, lineNumber, records);
    }

    /** Reads the lines after the {@code lines} read so far as records, with the columns resolved. */
    private Counts records(
            Lines in, Consumer<? super PurchaseRecord> consumer, PurchaseColumns columns, long lines, long records)
            throws IOException {
        long lineNumber = lines;
        long read = records;
        while (in.advance()) {
            lineNumber++;
            if (in.readSimple(columns, lineNumber)) {
                read++;
                continue;
            }
            String line = in.text();
            if (line.isBlank()) {
                continue;
            }
            accept(consumer, columns.record(DelimitedLine.split(line, delimiter, lineNumber), lineNumber), lineNumber);
            read++;
        }
        return new Counts(lineNumber, read);
    }
}
