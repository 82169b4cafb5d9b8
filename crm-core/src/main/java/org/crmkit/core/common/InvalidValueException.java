package org.crmkit.core.common;

/** A value handed to crmkit is missing or malformed. Names the field and what is wrong with it. */
public final class InvalidValueException extends CrmException {

    private final String field;

    public InvalidValueException(ErrorCode errorCode, String field, String problem) {
        super(errorCode, field, problem, null);
        this.field = field;
    }

    /** A malformed or out-of-range value. */
    public static InvalidValueException invalid(String field, String problem) {
        return new InvalidValueException(ErrorCode.INVALID_VALUE, field, problem);
    }

    /** A missing value. */
    public static InvalidValueException required(String field) {
        return new InvalidValueException(ErrorCode.REQUIRED, field, "is required");
    }

    /** The name of the offending field, e.g. {@code email} or {@code lines[2].quantity}. */
    public String field() {
        return field;
    }
}
