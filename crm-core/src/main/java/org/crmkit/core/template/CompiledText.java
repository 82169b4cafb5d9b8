package org.crmkit.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;

/** A template text split once into literal parts and placeholders, so that rendering is a single pass. */
final class CompiledText {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private sealed interface Part permits Literal, Placeholder {}

    private record Literal(String text) implements Part {}

    private record Placeholder(String name, String fallback) implements Part {}

    private final List<Part> parts;

    private CompiledText(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Parses {@code text}; {@code field} names the text in the message of a refusal. */
    static CompiledText parse(String text, String field) {
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int open = text.indexOf("{{", position);
            if (open < 0) {
                parts.add(new Literal(text.substring(position)));
                break;
            }
            if (open > position) {
                parts.add(new Literal(text.substring(position, open)));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw InvalidValueException.invalid(field, "placeholder opened at position " + open + " is not closed");
            }
            parts.add(placeholder(text.substring(open + 2, close), field, open));
            position = close + 2;
        }
        return new CompiledText(parts);
    }

    private static Placeholder placeholder(String content, String field, int position) {
        int bar = content.indexOf('|');
        String name = (bar < 0 ? content : content.substring(0, bar)).strip();
        if (!NAME.matcher(name).matches()) {
            throw InvalidValueException.invalid(
                    field, "placeholder at position " + position + " has no valid name: '{{" + content + "}}'");
        }
        return new Placeholder(name, bar < 0 ? null : content.substring(bar + 1));
    }

    /** The text with every placeholder replaced by its value or its default. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Placeholder placeholder) {
                String value = values.get(placeholder.name());
                if (value == null) {
                    if (placeholder.fallback() == null) {
                        throw InvalidValueException.invalid(
                                "values." + placeholder.name(), "is required by the template and has no default");
                    }
                    value = placeholder.fallback();
                }
                out.append(value);
            }
        }
        return out.toString();
    }
}
