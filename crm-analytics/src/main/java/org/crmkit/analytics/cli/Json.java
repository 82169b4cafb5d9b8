package org.crmkit.analytics.cli;

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

    /** Writes the value, indented, and a newline. */
    static void write(Object value, Utf8Text out) {
        write(value, out, 0);
        out.ascii('\n');
    }

    private static void write(Object value, Utf8Text out, int indent) {
        if (value == null) {
            out.text("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof BigDecimal d) {
            out.text(d.toPlainString());
        } else if (value instanceof Double d) {
            out.text(Double.isFinite(d) ? d.toString() : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.text(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.ascii('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> e = entries.next();
                newline(out, indent + 1);
                string(String.valueOf(e.getKey()), out);
                out.text(": ");
                write(e.getValue(), out, indent + 1);
                if (entries.hasNext()) {
                    out.ascii(',');
                }
            }
            if (!map.isEmpty()) {
                newline(out, indent);
            }
            out.ascii('}');
        } else if (value instanceof List<?> list) {
            out.ascii('[');
            for (int i = 0; i < list.size(); i++) {
                newline(out, indent + 1);
                write(list.get(i), out, indent + 1);
                if (i < list.size() - 1) {
                    out.ascii(',');
                }
            }
            if (!list.isEmpty()) {
                newline(out, indent);
            }
            out.ascii(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static void newline(Utf8Text out, int indent) {
        out.ascii('\n');
        for (int i = 0; i < indent; i++) {
            out.ascii(' ').ascii(' ');
        }
    }

    /** Appends a JSON string literal: the runs of characters that need no escape are written as they are. */
    static void string(String s, Utf8Text out) {
        out.ascii('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean escaped = c == '"'
                    || c == '\\'
                    || c < 0x20
                    // a lone surrogate has no UTF-8 form: escaped, it keeps ids apart instead of becoming '?'
                    || Character.isSurrogate(c) && !pairedSurrogate(s, i);
            if (escaped) {
                out.text(s, run, i);
                escape(c, out);
                run = i + 1;
            }
        }
        out.text(s, run, s.length()).ascii('"');
    }

    private static void escape(char c, Utf8Text out) {
        switch (c) {
            case '"' -> out.ascii('\\').ascii('"');
            case '\\' -> out.ascii('\\').ascii('\\');
            case '\n' -> out.ascii('\\').ascii('n');
            case '\r' -> out.ascii('\\').ascii('r');
            case '\t' -> out.ascii('\\').ascii('t');
            default -> {
                out.ascii('\\').ascii('u');
                for (int shift = 12; shift >= 0; shift -= 4) {
                    out.ascii(Character.forDigit(c >> shift & 0xF, 16));
                }
            }
        }
    }
}
