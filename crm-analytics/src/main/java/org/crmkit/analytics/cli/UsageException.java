package org.crmkit.analytics.cli;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/** A usage error, named for the option or argument at fault: an invalid value, as crmkit codes it. */
final class UsageException extends CrmException {

    private final String usageError;

    UsageException(String usageError) {
        super(ErrorCode.INVALID_VALUE, usageError);
        this.usageError = usageError;
    }

    /** What is wrong with the command line, for standard error. */
    String usageError() {
        return usageError;
    }
}
