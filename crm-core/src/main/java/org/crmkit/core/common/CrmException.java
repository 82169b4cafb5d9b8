package org.crmkit.core.common;

import java.util.List;

/**
 * Root of every exception crmkit throws for a broken contract. Business refusals that a caller is expected to
 * handle are returned as values listing {@link Violation}s instead.
 *
 * <p>A failure that concerns a field of the input (a malformed email, an unknown account id in {@code account}, an
 * amount in the wrong currency in {@code lines[2].unitPrice}) says so in {@link #violations()}, so that a host can
 * show it next to the form field without parsing the message.
 */
public abstract class CrmException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String field;
    private final String reason;

    protected CrmException(ErrorCode errorCode, String message) {
        this(errorCode, null, message, null);
    }

    protected CrmException(ErrorCode errorCode, String message, Throwable cause) {
        this(errorCode, null, message, cause);
    }

    /**
     * A failure that concerns the field at {@code field} (a path such as {@code lines[2].quantity}; null: no
     * particular field), for the {@code reason} given; {@code cause} may be null.
     */
    protected CrmException(ErrorCode errorCode, String field, String reason, Throwable cause) {
        super(errorCode.code() + ": " + (field == null ? "" : field + ": ") + reason);
        if (cause != null) {
            // without a cause the cause stays unset, so that an adapter may still attach the driver's failure
            initCause(cause);
        }
        this.errorCode = errorCode;
        this.field = field;
        this.reason = reason;
    }

    /** The stable code of this failure. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * The fields of the input this failure concerns, each as a {@link Violation} with the field's path (e.g.
     * {@code email}, {@code allocations[0].invoice}), this failure's code ({@code CRM-0002}) and the reason without
     * code or field ({@code must be positive, was -1}). Empty when the failure concerns no particular field (a
     * stale version, a storage failure).
     */
    public List<Violation> violations() {
        return field == null ? List.of() : List.of(Violation.of(errorCode.code(), reason, field));
    }
}
