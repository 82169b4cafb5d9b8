package org.crmkit.core.template;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.CurrencyAmount;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;

/**
 * One ICU MessageFormat text in one language, with the type each argument is used as: a plural, ordinal or
 * choice argument takes a number, a {@code number} argument a number or an amount of money ({@code "EUR 12.50"},
 * formatted by {@code {total, number, currency}}), a {@code date} or {@code time} argument an ISO date
 * ({@code 2026-02-17}, formatted as that calendar day) or instant (formatted in UTC); every other argument is text.
 */
final class IcuMessage {

    private enum Use {
        TEXT,
        NUMBER,
        DATE
    }

    private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) (-?\\d+(?:\\.\\d+)?)");

    private final String pattern;
    private final ULocale locale;
    private final Map<String, Use> arguments;
    private final String field;

    private IcuMessage(String pattern, ULocale locale, Map<String, Use> arguments, String field) {
        this.pattern = pattern;
        this.locale = locale;
        this.arguments = Map.copyOf(arguments);
        this.field = field;
    }

    /** Parses the text; refuses a malformed pattern, naming {@code field} and ICU's reason. */
    static IcuMessage parse(String pattern, Locale language, String field) {
        MessagePattern parsed;
        try {
            parsed = new MessagePattern(pattern);
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.invalid(field, "is not an ICU message pattern: " + e.getMessage());
        }
        Map<String, Use> arguments = new HashMap<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            String name = parsed.getSubstring(parsed.getPart(i + 1));
            Use use = useOf(parsed, part.getArgType(), i);
            arguments.merge(name, use, (a, b) -> a == Use.TEXT ? b : a);
        }
        return new IcuMessage(pattern, ULocale.forLocale(language), arguments, field);
    }

    private static Use useOf(MessagePattern parsed, MessagePattern.ArgType type, int argStart) {
        switch (type) {
            case PLURAL, SELECTORDINAL, CHOICE:
                return Use.NUMBER;
            case SIMPLE:
                String style = parsed.getSubstring(parsed.getPart(argStart + 2));
                if (style.equals("date") || style.equals("time")) {
                    return Use.DATE;
                }
                return style.equals("number") || style.equals("spellout") || style.equals("ordinal")
                        ? Use.NUMBER
                        : Use.TEXT;
            default:
                return Use.TEXT;
        }
    }

    /** The names of the arguments the text uses. */
    Set<String> arguments() {
        return arguments.keySet();
    }

    /** The text with the values; every argument must have a value, except those listed as optional. */
    String format(Map<String, String> values, Set<String> optional) {
        Map<String, Object> typed = new HashMap<>();
        arguments.forEach((name, use) -> {
            String value = values.get(name);
            if (value == null) {
                if (!optional.contains(name)) {
                    throw InvalidValueException.invalid(field, "has no value for '" + name + "'");
                }
                value = "";
            }
            typed.put(name, value.isEmpty() ? value : typed(name, value, use));
        });
        MessageFormat message = new MessageFormat(pattern, locale);
        arguments.forEach((name, use) -> {
            if (use == Use.DATE && message.getFormatByArgumentName(name) instanceof DateFormat date) {
                // dates are calendar days and instants are printed in UTC, whatever the JVM's zone
                date.setTimeZone(TimeZone.GMT_ZONE);
                message.setFormatByArgumentName(name, date);
            }
        });
        return message.format(typed);
    }

    private Object typed(String name, String value, Use use) {
        try {
            return switch (use) {
                case TEXT -> value;
                case NUMBER -> number(value);
                case DATE -> date(value);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw InvalidValueException.invalid(
                    field,
                    "value '" + value + "' of '" + name + "' is not a "
                            + use.name().toLowerCase(Locale.ROOT));
        }
    }

    private static Object number(String value) {
        Matcher money = MONEY.matcher(value);
        if (money.matches()) {
            return new CurrencyAmount(new BigDecimal(money.group(2)), Currency.getInstance(money.group(1)));
        }
        return new BigDecimal(value);
    }

    private static Date date(String value) {
        if (value.length() == 10) {
            return Date.from(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return Date.from(Instant.parse(value));
    }
}
