package org.crmkit.analytics;

import java.util.Objects;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * An analysis cannot go on: the input is malformed, the data cannot support a model, or a fit did not converge.
 * Names the field (a column, a parameter, a model) and the {@link Reason}; the message is meant for an analyst.
 */
public final class AnalyticsException extends CrmException {

    /** Why an analysis failed. The names are stable. */
    public enum Reason {
        /** A value in the input cannot be read (unparsable date, amount, missing column, wrong order). */
        MALFORMED_INPUT,
        /** The input holds no record at all. */
        EMPTY_INPUT,
        /** An argument of a calculator is out of range (a negative horizon, a score count below 2, ...). */
        INVALID_ARGUMENT,
        /** The data are too few or too uniform for the model to be identified. */
        INSUFFICIENT_DATA,
        /** The maximum-likelihood fit did not reach a finite optimum inside the parameter space. */
        FIT_FAILED
    }

    private final String field;
    private final Reason reason;
    private final String problem;

    AnalyticsException(Reason reason, String field, String problem) {
        super(ErrorCode.INVALID_VALUE, field + ": " + problem);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = Objects.requireNonNull(field, "field");
        this.problem = problem;
    }

    AnalyticsException(Reason reason, String field, String problem, Throwable cause) {
        super(ErrorCode.INVALID_VALUE, field + ": " + problem, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = Objects.requireNonNull(field, "field");
        this.problem = problem;
    }

    /** The same failure, located at a line of an input file. */
    AnalyticsException atLine(long line) {
        return new AnalyticsException(reason, field, "line " + line + ": " + problem, this);
    }

    /** A failure of the given kind at {@code field}, for the adapters outside this package. */
    public static AnalyticsException of(Reason reason, String field, String problem) {
        return new AnalyticsException(reason, field, problem);
    }

    static AnalyticsException invalidArgument(String field, String problem) {
        return new AnalyticsException(Reason.INVALID_ARGUMENT, field, problem);
    }

    /** The offending field: a column name such as {@code date}, a parameter such as {@code horizon}, a model name. */
    public String field() {
        return field;
    }

    /** Why the analysis failed. */
    public Reason reason() {
        return reason;
    }
}
