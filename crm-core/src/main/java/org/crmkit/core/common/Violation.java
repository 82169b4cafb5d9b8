package org.crmkit.core.common;

/**
 * One reason a business rule refused a change, e.g. a stage gate that is not met. {@code code} is stable and
 * machine-readable ({@code gate.required-field}); {@code message} is for people; {@code field} names what is
 * missing or wrong when there is one, otherwise it is null.
 */
public record Violation(String code, String message, String field) {

    public Violation {
        Require.notBlank(code, "violation.code");
        Require.notBlank(message, "violation.message");
        field = Require.optional(field);
    }

    public static Violation of(String code, String message) {
        return new Violation(code, message, null);
    }

    public static Violation of(String code, String message, String field) {
        return new Violation(code, message, field);
    }
}
