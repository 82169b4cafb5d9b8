package org.crmkit.core.common;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address ({@code local@domain}). The domain is normalised to lower-case ASCII
 * (internationalised domains in their punycode form); the local part is kept as given, since it may be
 * case-sensitive for the receiving server. {@link #normalized()} is the fully lower-cased form used to find
 * duplicates.
 */
public record EmailAddress(String value) {

    private static final Pattern LOCAL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        String text = Require.notBlank(value, "email");
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw InvalidValueException.invalid("email", "'" + value + "' is not of the form local@domain");
        }
        String local = text.substring(0, at);
        String domain = normalizeDomain(text.substring(at + 1), value);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw InvalidValueException.invalid("email", "'" + value + "' has an invalid local part");
        }
        value = local + "@" + domain;
        if (value.length() > 254) {
            throw InvalidValueException.invalid("email", "must be at most 254 characters, was " + value.length());
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    private static String normalizeDomain(String domain, String original) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.invalid("email", "'" + original + "' has an invalid domain");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw InvalidValueException.invalid("email", "'" + original + "' has no top-level domain");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw InvalidValueException.invalid("email", "'" + original + "' has an invalid domain");
            }
        }
        return ascii;
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** Lower-cased whole address: the key for duplicate detection and lookup. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
