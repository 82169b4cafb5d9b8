package org.crmkit.core.lead;

import java.util.Locale;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * Where a lead came from, as a short lower-case key the host chooses ({@code web-form}, {@code trade-fair},
 * {@code referral}, {@code import}): letters, digits, '-', '_' and '.', at most 50 characters. Input is lower-cased.
 */
public record LeadSource(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    public LeadSource {
        String key = Require.notBlank(value, "source").toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(key).matches()) {
            throw InvalidValueException.invalid(
                    "source", "must be 1-50 letters, digits, '.', '_' or '-', was '" + value + "'");
        }
        value = key;
    }

    public static LeadSource of(String value) {
        return new LeadSource(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
