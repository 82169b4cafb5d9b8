package org.crmkit.core.common;

/**
 * Optimistic-lock conflict: the record was changed by someone else since the caller read it. Reload and retry.
 */
public final class StaleVersionException extends CrmException {

    private final String recordType;
    private final Object id;
    private final long expectedVersion;
    private final long actualVersion;

    public StaleVersionException(String recordType, Object id, long expectedVersion, long actualVersion) {
        super(ErrorCode.STALE_VERSION, recordType + " " + id + " was changed concurrently: expected version "
                + expectedVersion + " but the stored version is " + actualVersion);
        this.recordType = recordType;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String recordType() {
        return recordType;
    }

    public Object id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The stored version, or -1 when the stored record could not be read (e.g. a database-level conflict). */
    public long actualVersion() {
        return actualVersion;
    }
}
