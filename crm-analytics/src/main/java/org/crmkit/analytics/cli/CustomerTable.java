package org.crmkit.analytics.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes rows of customers into text: CSV with a header row, or JSON lines (one object a line), the same names for
 * columns and keys. Rows are written value by value ({@link #text}, {@link #integer}, ..., {@link #end}) at the end of
 * the text given, a block of rows that the command writes out once it is formatted.
 */
final class CustomerTable {

    /** The format of the rows. */
    enum Format {
        CSV,
        JSON_LINES
    }

    /** Doubles below this magnitude are written from a long of their scaled value. */
    private static final double FAST_LIMIT = 1e12;

    private final Utf8Text row;
    private final Format format;
    private final List<String> columns;
    /** For JSON lines, what comes before each value: the opening brace or a comma, the key and a colon. */
    private final byte[][] keys;

    private int column;

    CustomerTable(Utf8Text out, Format format, List<String> columns) {
        this.row = out;
        this.format = format;
        this.columns = List.copyOf(columns);
        this.keys = new byte[columns.size()][];
        for (int i = 0; i < keys.length; i++) {
            Utf8Text key = new Utf8Text(columns.get(i).length() + 4).ascii(i == 0 ? '{' : ',');
            Json.string(columns.get(i), key);
            keys[i] = key.ascii(':').toBytes();
        }
    }

    /** The header row of a CSV table; nothing for JSON lines. */
    void header() {
        if (format == Format.CSV) {
            row.text(String.join(",", columns)).ascii('\n');
        }
    }

    CustomerTable text(String value) {
        next();
        if (format == Format.JSON_LINES) {
            Json.string(value, row);
        } else if (needsQuotes(value)) {
            row.ascii('"').text(value.replace("\"", "\"\"")).ascii('"');
        } else {
            row.text(value);
        }
        return this;
    }

    CustomerTable integer(long value) {
        next();
        row.integer(value);
        return this;
    }

    CustomerTable amount(BigDecimal value) {
        next();
        row.text(value.toPlainString());
        return this;
    }

    /** A double as it prints in Java (its shortest exact form); null or an empty field when not finite. */
    CustomerTable real(double value) {
        next();
        if (Double.isFinite(value)) {
            row.text(Double.toString(value));
        } else {
            nothing();
        }
        return this;
    }

    /** A double rounded to a number of decimals from 0 to 6; null or an empty field when not finite. */
    CustomerTable decimal(double value, int decimals) {
        next();
        if (!Double.isFinite(value)) {
            nothing();
        } else if (Math.abs(value) < FAST_LIMIT) {
            row.fixed(Math.round(value * Utf8Text.POWERS_OF_TEN[decimals]), decimals);
        } else {
            row.text(BigDecimal.valueOf(value)
                    .setScale(decimals, RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        return this;
    }

    /** Ends the row. */
    void end() {
        if (format == Format.JSON_LINES) {
            row.ascii('}');
        }
        row.ascii('\n');
        column = 0;
    }

    private void next() {
        if (format == Format.JSON_LINES) {
            row.append(keys[column]);
        } else if (column > 0) {
            row.ascii(',');
        }
        column++;
    }

    private void nothing() {
        if (format == Format.JSON_LINES) {
            row.text("null");
        }
    }
    /** Whether a CSV field must be quoted to read back as itself: a delimiter, quote or line end, or edge spaces. */
    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
