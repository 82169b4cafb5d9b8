package org.crmkit.core.common;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Argument checks that fail with an {@link InvalidValueException} naming the field. Used by value objects,
 * aggregates and services so that every refusal of bad input reads the same way.
 */
public final class Require {

    private Require() {}

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw InvalidValueException.required(field);
        }
        return value;
    }

    /** Returns the value stripped of surrounding whitespace; refuses null, blank and {@link #storableText}. */
    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidValueException.required(field);
        }
        return storableText(value, field).strip();
    }

    /**
     * The text itself, if every storage adapter keeps it exactly as given; null passes. Refuses (naming the field
     * and the position) a NUL character, which PostgreSQL cannot store in text, and a lone surrogate (half of a
     * UTF-16 pair without its other half), which has no UTF-8 form and which databases store as {@code ?}. Every
     * text a record takes passes this check ({@link #notBlank} and {@link #maxLength} apply it), so that memory,
     * H2 and PostgreSQL refuse and store the same texts.
     */
    public static String storableText(String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw InvalidValueException.invalid(
                        field, "must not contain a NUL character (U+0000), found at " + "position " + i);
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw InvalidValueException.invalid(
                        field,
                        String.format(
                                "must not contain a lone surrogate "
                                        + "(U+%04X without its pair), found at position %d",
                                (int) c, i));
            }
        }
        return value;
    }

    /** Returns null for null or blank, otherwise the stripped value. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value, if null or at most {@code max} UTF-16 characters long and {@link #storableText}. */
    public static String maxLength(String value, int max, String field) {
        storableText(value, field);
        if (value != null && value.length() > max) {
            throw InvalidValueException.invalid(field, "must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw InvalidValueException.invalid(field, "must be positive, was " + value);
        }
        return value;
    }

    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw InvalidValueException.invalid(field, "must not be negative, was " + value);
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw InvalidValueException.invalid(field, "must not be negative, was " + value);
        }
        return value;
    }

    public static BigDecimal notNegative(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw InvalidValueException.invalid(field, "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    public static BigDecimal positive(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() <= 0) {
            throw InvalidValueException.invalid(field, "must be positive, was " + value.toPlainString());
        }
        return value;
    }

    public static void that(boolean condition, String field, String problem) {
        if (!condition) {
            throw InvalidValueException.invalid(field, problem);
        }
    }

    /** An immutable copy of the list; refuses a null list and null elements, naming the element's index. */
    public static <T> List<T> noNulls(Collection<T> values, String field) {
        notNull(values, field);
        int i = 0;
        for (T value : values) {
            if (value == null) {
                throw InvalidValueException.required(field + "[" + i + "]");
            }
            i++;
        }
        return List.copyOf(values);
    }
}
