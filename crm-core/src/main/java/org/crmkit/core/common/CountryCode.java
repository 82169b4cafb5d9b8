package org.crmkit.core.common;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, upper case ({@code DE}, {@code US}). */
public record CountryCode(String value) {

    private static final Set<String> KNOWN = Set.of(Locale.getISOCountries());

    public CountryCode {
        String code = Require.notBlank(value, "country").toUpperCase(Locale.ROOT);
        if (!KNOWN.contains(code)) {
            throw InvalidValueException.invalid("country", "'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
        value = code;
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
