package org.crmkit.analytics;

import java.util.ArrayList;
import java.util.List;

/** Cuts a line of delimited text into its fields, as {@link PurchaseCsvReader} documents them. */
final class DelimitedLine {

    /** The delimiter that stands for runs of whitespace. */
    static final char WHITESPACE = '\0';

    private DelimitedLine() {}

    /**
     * The fields of the line: between single delimiters (stripped of surrounding whitespace unless quoted, a doubled
     * quote standing for one inside quotes), or between runs of whitespace for {@link #WHITESPACE}.
     *
     * @throws AnalyticsException when a quoted field is not closed
     */
    static List<String> split(String line, char delimiter, long lineNumber) {
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
}
