package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crmkit.core.common.Require;

/** The typed value of a custom field on an opportunity: text, number, date or yes/no. */
public sealed interface FieldValue {

    record Text(String value) implements FieldValue {
        public Text {
            value = Require.maxLength(Require.notBlank(value, "value"), 1000, "value");
        }
    }

    record Number(BigDecimal value) implements FieldValue {
        public Number {
            Require.notNull(value, "value");
        }
    }

    record Date(LocalDate value) implements FieldValue {
        public Date {
            Require.notNull(value, "value");
        }
    }

    record Flag(boolean value) implements FieldValue {}

    static FieldValue text(String value) {
        return new Text(value);
    }

    static FieldValue number(BigDecimal value) {
        return new Number(value);
    }

    static FieldValue date(LocalDate value) {
        return new Date(value);
    }

    static FieldValue flag(boolean value) {
        return new Flag(value);
    }
}
