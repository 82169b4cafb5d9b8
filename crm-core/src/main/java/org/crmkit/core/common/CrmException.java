package org.crmkit.core.common;

/**
 * Root of every exception crmkit throws for a broken contract. Business refusals that a caller is expected to
 * handle are returned as values listing {@link Violation}s instead.
 */
public abstract class CrmException extends RuntimeException {

    private final ErrorCode errorCode;

    protected CrmException(ErrorCode errorCode, String message) {
        super(errorCode.code() + ": " + message);
        this.errorCode = errorCode;
    }

    protected CrmException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode.code() + ": " + message, cause);
        this.errorCode = errorCode;
    }

    /** The stable code of this failure. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
