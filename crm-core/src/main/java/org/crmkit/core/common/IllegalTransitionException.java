package org.crmkit.core.common;

/** The requested change is not allowed in the record's current state, e.g. closing a case that is still new. */
public final class IllegalTransitionException extends CrmException {

    public IllegalTransitionException(String recordType, Object from, Object to) {
        super(ErrorCode.ILLEGAL_STATE, recordType + " cannot go from " + from + " to " + to);
    }

    public IllegalTransitionException(String message) {
        super(ErrorCode.ILLEGAL_STATE, message);
    }
}
