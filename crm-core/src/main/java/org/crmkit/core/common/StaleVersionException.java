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
        super(
                ErrorCode.STALE_VERSION,
                recordType + " " + id + " was changed concurrently: expected version "
                        + expectedVersion
                        + (actualVersion < 0
                                ? ", and the stored version could not be read"
                                : " but the stored version is " + actualVersion));
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

    /**
     * The stored version when the conflict was found, or -1 when it could not be read (the JPA adapter reads it on a
     * connection of its own after the database refused the update; with no connection to spare it cannot).
     */
    public long actualVersion() {
        return actualVersion;
    }
}
