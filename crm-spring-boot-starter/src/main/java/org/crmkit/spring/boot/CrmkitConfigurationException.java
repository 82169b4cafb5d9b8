package org.crmkit.spring.boot;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * The starter cannot configure crmkit from what the application has: crmkit's tables are missing and there is no
 * Flyway to create them, the database is not one crmkit ships a schema for, two {@code MessageChannel} beans claim
 * one channel. Thrown while the application context starts, which then fails; the message says what to change. Code
 * {@link ErrorCode#NOT_CONFIGURED}.
 */
public final class CrmkitConfigurationException extends CrmException {

    public CrmkitConfigurationException(String message) {
        super(ErrorCode.NOT_CONFIGURED, message);
    }

    CrmkitConfigurationException(String message, Throwable cause) {
        super(ErrorCode.NOT_CONFIGURED, message, cause);
    }
}
