package org.crmkit.core.common;

/** A storage adapter failed for a reason outside the domain. Wraps the adapter's own exception. */
public final class StorageException extends CrmException {

    public StorageException(String message, Throwable cause) {
        super(ErrorCode.STORAGE_FAILURE, message, cause);
    }
}
