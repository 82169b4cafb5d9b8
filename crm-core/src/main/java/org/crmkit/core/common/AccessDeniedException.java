package org.crmkit.core.common;

/** The acting user may not see or change the record. */
public final class AccessDeniedException extends CrmException {

    public AccessDeniedException(String message) {
        super(ErrorCode.ACCESS_DENIED, message);
    }
}
