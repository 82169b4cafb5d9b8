package org.crmkit.analytics;

import java.nio.file.Path;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.Require;

/**
 * An analysis cannot go on: the input is malformed, the data cannot support a model, or a fit did not converge.
 * Names the field (a column, a parameter, a model) and the {@link Reason}; the message is meant for an analyst.
 * Each reason has its own stable {@link #errorCode()}.
 */
public final class AnalyticsException extends CrmException {

    /** Why an analysis failed. The names and their error codes are stable. */
    public enum Reason {
        /**
         * A value in the input cannot be read (unparsable date or amount, an amount beyond the limits, a missing
         * column, invalid UTF-8, wrong order): {@code CRM-0201}.
         */
        MALFORMED_INPUT(ErrorCode.MALFORMED_INPUT),
        /** The input holds no record at all: {@code CRM-0202}. */
        EMPTY_INPUT(ErrorCode.EMPTY_INPUT),
        /**
         * An argument of a calculator is out of range (a negative horizon, a score count below 2, ...):
         * {@code CRM-0002}, the code of every invalid value in crmkit.
         */
        INVALID_ARGUMENT(ErrorCode.INVALID_VALUE),
        /** The data are too few or too uniform for the model to be identified: {@code CRM-0203}. */
        INSUFFICIENT_DATA(ErrorCode.INSUFFICIENT_DATA),
        /** The maximum-likelihood fit did not reach a finite optimum inside the parameter space: {@code CRM-0204}. */
        FIT_FAILED(ErrorCode.FIT_FAILED),
        /** An input file cannot be read at all (missing, a directory, an I/O error): {@code CRM-0205}. */
        UNREADABLE_INPUT(ErrorCode.UNREADABLE_INPUT),
        /** A report or another output file cannot be written: {@code CRM-0206}. */
        UNWRITABLE_OUTPUT(ErrorCode.UNWRITABLE_OUTPUT);

        private final ErrorCode errorCode;

        Reason(ErrorCode errorCode) {
            this.errorCode = errorCode;
        }

        /** The stable error code of failures for this reason. */
        public ErrorCode errorCode() {
            return errorCode;
        }
    }

    private final String field;
    private final Reason reason;
    private final String problem;

    AnalyticsException(Reason reason, String field, String problem) {
        super(Require.notNull(reason, "reason").errorCode(), field + ": " + problem);
        this.reason = reason;
        this.field = Require.notNull(field, "field");
        this.problem = problem;
    }

    AnalyticsException(Reason reason, String field, String problem, Throwable cause) {
        super(Require.notNull(reason, "reason").errorCode(), field + ": " + problem, cause);
        this.reason = reason;
        this.field = Require.notNull(field, "field");
        this.problem = problem;
    }

    /** The same failure, located at a line of an input file. */
    AnalyticsException atLine(long line) {
        return new AnalyticsException(reason, field, "line " + line + ": " + problem, this);
    }

    /** The same failure, located in an input file. */
    AnalyticsException inFile(Path file) {
        return new AnalyticsException(reason, field, file + ": " + problem, this);
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

    /** What is wrong, without the error code and the field: e.g. {@code line 3, column 2 (date): ...}. */
    public String problem() {
        return problem;
    }
}
