package org.crmkit.analytics.report;

import org.crmkit.analytics.AnalyticsException;

/**
 * Writes well-formed XHTML and SVG: every text and attribute value is escaped, every element is closed, so the
 * report parses as XML and a name or a note can never inject markup. Text XML cannot hold is replaced: control
 * characters by a space, U+FFFE, U+FFFF and lone surrogates by U+FFFD, the replacement character.
 */
final class Markup {

    private static final char REPLACEMENT = '\uFFFD';

    private final StringBuilder out = new StringBuilder(16_384);

    /** Opens an element; attributes come as name/value pairs. */
    Markup open(String element, Object... attributes) {
        out.append('<').append(element);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Markup close(String element) {
        out.append("</").append(element).append(">\n");
        return this;
    }

    /** An element with no content. */
    Markup empty(String element, Object... attributes) {
        out.append('<').append(element);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    Markup element(String element, String text, Object... attributes) {
        return open(element, attributes).text(text).close(element);
    }

    Markup text(String text) {
        escape(text, false);
        return this;
    }

    /** Markup that is trusted because this package wrote it (the document prologue). */
    Markup raw(String trusted) {
        out.append(trusted);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw AnalyticsException.of(
                    AnalyticsException.Reason.INVALID_ARGUMENT,
                    "attributes",
                    "come in name/value pairs, got " + attributes.length + " values");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(format(attributes[i + 1]), true);
            out.append('"');
        }
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Charts.coordinate(d);
        }
        return String.valueOf(value);
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' '); // control characters are not allowed in XML
                    } else if (c == '\uFFFE' || c == '\uFFFF') {
                        out.append(REPLACEMENT); // not characters, and not allowed in XML
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append(REPLACEMENT); // half a character: neither XML nor UTF-8 can hold it
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
