package org.crmkit.core.common;

/**
 * The record does not exist for the calling tenant (records of other tenants are reported the same way). When the
 * id came from a field of the input (the {@code account} of a new invoice, {@code contacts[1]} of an activity),
 * {@link #violations()} names that field.
 */
public final class RecordNotFoundException extends CrmException {

    private final String recordType;
    private final Object id;

    public RecordNotFoundException(String recordType, Object id) {
        super(ErrorCode.NOT_FOUND, recordType + " " + id + " not found");
        this.recordType = recordType;
        this.id = id;
    }

    /** The record that {@code field} of the input refers to does not exist for the calling tenant. */
    public RecordNotFoundException(String recordType, Object id, String field) {
        super(ErrorCode.NOT_FOUND, Require.notBlank(field, "field"), recordType + " " + id + " not found", null);
        this.recordType = recordType;
        this.id = id;
    }

    public String recordType() {
        return recordType;
    }

    public Object id() {
        return id;
    }
}
