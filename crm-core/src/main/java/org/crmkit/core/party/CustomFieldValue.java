package org.crmkit.core.party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * The typed value of a custom field: text, an exact number, a date, a yes/no flag or an amount of money.
 * Values of the same type can be tested for equality with {@link #sameAs}; numbers, dates and amounts in the same
 * currency can be ordered with {@link #compareWith}.
 */
public sealed interface CustomFieldValue {

    CustomFieldType type();

    static CustomFieldValue text(String value) {
        return new TextValue(value);
    }

    static CustomFieldValue number(BigDecimal value) {
        return new NumberValue(value);
    }

    static CustomFieldValue number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static CustomFieldValue date(LocalDate value) {
        return new DateValue(value);
    }

    static CustomFieldValue bool(boolean value) {
        return new BooleanValue(value);
    }

    static CustomFieldValue money(Money value) {
        return new MoneyValue(value);
    }

    /**
     * Equal in meaning: same type and, for numbers and money, numerically equal ({@code 1.0} is the same as
     * {@code 1.00}); text compares exactly.
     */
    default boolean sameAs(CustomFieldValue other) {
        if (other == null || other.type() != type()) {
            return false;
        }
        if (this instanceof NumberValue number) {
            return number.value().compareTo(((NumberValue) other).value()) == 0;
        }
        return equals(other);
    }

    /**
     * The order of this value relative to {@code other} (negative, zero, positive), or empty when the two cannot
     * be ordered: different types, text or flags, or money in different currencies.
     */
    default Optional<Integer> compareWith(CustomFieldValue other) {
        if (other == null || other.type() != type()) {
            return Optional.empty();
        }
        if (this instanceof NumberValue number) {
            return Optional.of(number.value().compareTo(((NumberValue) other).value()));
        }
        if (this instanceof DateValue date) {
            return Optional.of(date.value().compareTo(((DateValue) other).value()));
        }
        if (this instanceof MoneyValue money) {
            Money that = ((MoneyValue) other).value();
            return money.value().currency().equals(that.currency())
                    ? Optional.of(money.value().compareTo(that))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** Text of at most 1000 characters. */
    record TextValue(String value) implements CustomFieldValue {
        public TextValue {
            Require.maxLength(Require.notNull(value, "customField.value"), 1000, "customField.value");
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.TEXT;
        }
    }

    record NumberValue(BigDecimal value) implements CustomFieldValue {
        public NumberValue {
            Require.notNull(value, "customField.value");
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.NUMBER;
        }
    }

    record DateValue(LocalDate value) implements CustomFieldValue {
        public DateValue {
            Require.notNull(value, "customField.value");
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.DATE;
        }
    }

    record BooleanValue(boolean value) implements CustomFieldValue {
        @Override
        public CustomFieldType type() {
            return CustomFieldType.BOOLEAN;
        }
    }

    record MoneyValue(Money value) implements CustomFieldValue {
        public MoneyValue {
            Require.notNull(value, "customField.value");
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.MONEY;
        }
    }
}
