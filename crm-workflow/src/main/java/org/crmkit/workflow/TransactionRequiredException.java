package org.crmkit.workflow;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * A write that must join the transaction of a state change (scheduling an action, saving a workflow's state in an
 * in-memory store) was made outside any transaction of crmkit's storage. Code {@link ErrorCode#TRANSACTION_REQUIRED}.
 */
public final class TransactionRequiredException extends CrmException {

    /** @param what the write that was refused, e.g. {@code "writes to the workflow outbox"} */
    public TransactionRequiredException(String what) {
        super(ErrorCode.TRANSACTION_REQUIRED, what + " require an active transaction");
    }
}
