package org.crmkit.core.common;

import java.util.regex.Pattern;

/**
 * The tenant a record belongs to. Every record and every query carries one; single-tenant hosts use
 * {@link #DEFAULT}. Letters, digits, '-', '_' and '.', at most 64 characters.
 */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The tenant of single-tenant installations. */
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Require.notBlank(value, "tenantId");
        if (!FORMAT.matcher(value).matches()) {
            throw InvalidValueException.invalid(
                    "tenantId",
                    "must be 1-64 letters, digits, '.', '_' or '-' and start with a letter or digit, was '" + value
                            + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
