package org.crmkit.core.common;

/**
 * A record that must be unique (an id, an invoice number, an external reference) already exists for the tenant. When
 * the key came from a field of the input (a new invoice's {@code number}), {@link #violations()} names that field.
 */
public final class DuplicateRecordException extends CrmException {

    public DuplicateRecordException(String recordType, Object key) {
        super(ErrorCode.DUPLICATE, recordType + " " + key + " already exists");
    }

    /** The key in {@code field} of the input is taken by another record of the tenant. */
    public DuplicateRecordException(String recordType, Object key, String field) {
        super(ErrorCode.DUPLICATE, Require.notBlank(field, "field"), recordType + " " + key + " already exists", null);
    }

    private DuplicateRecordException(String message) {
        super(ErrorCode.DUPLICATE, message);
    }

    /**
     * Another record of the type, {@code holder}, has the external reference ({@link ExternalRef}, or its written
     * form {@code system/key}).
     */
    public static DuplicateRecordException externalRefTaken(String recordType, Object ref, Object holder) {
        return new DuplicateRecordException(recordType + " " + holder + " already has the external reference " + ref
                + "; no two records of a type share one");
    }
}
