package org.crmkit.core.common;

/** The record does not exist for the calling tenant (records of other tenants are reported the same way). */
public final class RecordNotFoundException extends CrmException {

    private final String recordType;
    private final Object id;

    public RecordNotFoundException(String recordType, Object id) {
        super(ErrorCode.NOT_FOUND, recordType + " " + id + " not found");
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
