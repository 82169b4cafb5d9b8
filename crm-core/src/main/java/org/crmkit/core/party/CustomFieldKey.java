package org.crmkit.core.party;

import java.util.Locale;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * The key of a custom field: a lower-case letter followed by up to 49 lower-case letters, digits or '_'
 * ({@code "shoe_size"}). Given text is trimmed and lower-cased.
 */
public record CustomFieldKey(String value) implements Comparable<CustomFieldKey> {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    public CustomFieldKey {
        String key = Require.notBlank(value, "customField.key").toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(key).matches()) {
            throw InvalidValueException.invalid(
                    "customField.key",
                    "'" + value + "' must be a letter followed by at most 49 letters, digits or '_'");
        }
        value = key;
    }

    public static CustomFieldKey of(String value) {
        return new CustomFieldKey(value);
    }

    @Override
    public int compareTo(CustomFieldKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
