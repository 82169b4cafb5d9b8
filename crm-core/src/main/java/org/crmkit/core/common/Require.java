package org.crmkit.core.common;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Argument checks that fail with an {@link InvalidValueException} naming the field. Used by value objects,
 * aggregates and services so that every refusal of bad input reads the same way.
 */
public final class Require {

    private Require() {
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw InvalidValueException.required(field);
        }
        return value;
    }

    /** Returns the value stripped of surrounding whitespace; refuses null and blank. */
    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidValueException.required(field);
        }
        return value.strip();
    }

    /** Returns null for null or blank, otherwise the stripped value. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String maxLength(String value, int max, String field) {
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
