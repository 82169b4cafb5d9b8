package org.crmkit.core.service;

import java.util.Locale;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * What a case is about, as the host's own list of categories names it ({@code billing}, {@code delivery},
 * {@code product/defect}). Normalised to lower case; letters, digits, spaces and {@code - _ / .}, at most 60
 * characters, starting with a letter or digit.
 */
public record CaseCategory(String value) {

    private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/-]{0,59}");

    public CaseCategory {
        value = Require.notBlank(value, "category").toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw InvalidValueException.invalid(
                    "category",
                    "must be 1-60 letters, digits, spaces or '._/-' and " + "start with a letter or digit, was '"
                            + value + "'");
        }
    }

    public static CaseCategory of(String value) {
        return new CaseCategory(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
