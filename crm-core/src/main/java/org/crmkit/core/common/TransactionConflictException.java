package org.crmkit.core.common;

/**
 * The database ended the transaction because it conflicted with a concurrent one: a deadlock, or a serialization
 * failure under a strict isolation level. Nothing of the transaction was stored; running the same work again in a
 * fresh transaction usually succeeds, since the other transaction has committed or rolled back by then.
 */
public final class TransactionConflictException extends CrmException {

    public TransactionConflictException(String message, Throwable cause) {
        super(ErrorCode.TRANSACTION_CONFLICT, message, cause);
    }
}
