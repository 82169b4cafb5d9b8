package org.crmkit.core.common;

/**
 * A write that must join a transaction (an outbox append, an in-memory write, an after-commit action of the host's
 * transaction) was made outside any. Nothing was written. Code {@link ErrorCode#TRANSACTION_REQUIRED}.
 */
public final class TransactionRequiredException extends CrmException {

    /** @param what the refused write, e.g. {@code "Outbox.append"}; the message says it requires a transaction */
    public TransactionRequiredException(String what) {
        super(ErrorCode.TRANSACTION_REQUIRED, what + " requires an active transaction");
    }
}
