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

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private final StringBuilder row;
    private final Format format;
    private final List<String> columns;

    private int column;

    CustomerTable(StringBuilder out, Format format, List<String> columns) {
        this.row = out;
        this.format = format;
        this.columns = List.copyOf(columns);
    }

    /** The header row of a CSV table; nothing for JSON lines. */
    void header() {
        if (format == Format.CSV) {
            row.append(String.join(",", columns)).append('\n');
        }
    }

    CustomerTable text(String value) {
        next();
        if (format == Format.JSON_LINES) {
            Json.string(value, row);
        } else if (needsQuotes(value)) {
            row.append('"');
            row.append(value.replace("\"", "\"\""));
            row.append('"');
        } else {
            row.append(value);
        }
        return this;
    }

    CustomerTable integer(long value) {
        next();
        row.append(Long.toString(value));
        return this;
    }

    CustomerTable amount(BigDecimal value) {
        next();
        row.append(value.toPlainString());
        return this;
    }

    /** A double as it prints in Java (its shortest exact form); null or an empty field when not finite. */
    CustomerTable real(double value) {
        next();
        if (Double.isFinite(value)) {
            row.append(Double.toString(value));
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
            long scaled = Math.round(value * POWERS_OF_TEN[decimals]);
            if (scaled < 0) {
                row.append('-');
                scaled = -scaled;
            }
            row.append(Long.toString(scaled / POWERS_OF_TEN[decimals]));
            if (decimals > 0) {
                row.append('.');
                String fraction = Long.toString(scaled % POWERS_OF_TEN[decimals]);
                for (int i = fraction.length(); i < decimals; i++) {
                    row.append('0');
                }
                row.append(fraction);
            }
        } else {
            row.append(BigDecimal.valueOf(value)
                    .setScale(decimals, RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        return this;
    }

    /** Ends the row. */
    void end() {
        if (format == Format.JSON_LINES) {
            row.append('}');
        }
        row.append('\n');
        column = 0;
    }

    private void next() {
        if (format == Format.JSON_LINES) {
            row.append(column == 0 ? "{" : ",");
            Json.string(columns.get(column), row);
            row.append(':');
        } else if (column > 0) {
            row.append(',');
        }
        column++;
    }

    private void nothing() {
        if (format == Format.JSON_LINES) {
            row.append("null");
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
