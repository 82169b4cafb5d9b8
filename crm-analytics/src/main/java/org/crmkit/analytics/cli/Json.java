package org.crmkit.analytics.cli;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON from maps, lists, strings, numbers and booleans. Maps keep their iteration order. Non-finite doubles
 * are written as {@code null}, since JSON has no NaN.
 */
final class Json {

    private Json() {}

    /** Writes the value and a newline as it goes, so that a large result is never held as text. */
    static void write(Object value, Writer out) throws IOException {
        write(value, out, 0);
        out.write('\n');
    }

    private static void write(Object value, Writer out, int indent) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append(literal(s));
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Double d) {
            out.append(Double.isFinite(d) ? d.toString() : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> e = entries.next();
                newline(out, indent + 1);
                out.append(literal(String.valueOf(e.getKey())));
                out.append(": ");
                write(e.getValue(), out, indent + 1);
                if (entries.hasNext()) {
                    out.append(',');
                }
            }
            if (!map.isEmpty()) {
                newline(out, indent);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                newline(out, indent + 1);
                write(list.get(i), out, indent + 1);
                if (i < list.size() - 1) {
                    out.append(',');
                }
            }
            if (!list.isEmpty()) {
                newline(out, indent);
            }
            out.append(']');
        } else {
            out.append(literal(value.toString()));
        }
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static void newline(Writer out, int indent) throws IOException {
        out.append('\n');
        out.append("  ".repeat(indent));
    }

    private static StringBuilder literal(String s) {
        StringBuilder literal = new StringBuilder(s.length() + 2);
        string(s, literal);
        return literal;
    }

    /** Appends a JSON string literal. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        // a lone surrogate has no UTF-8 form: escaped, it keeps ids apart instead of becoming '?'
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
