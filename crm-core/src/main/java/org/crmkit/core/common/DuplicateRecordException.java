package org.crmkit.core.common;

/** A record that must be unique (an id, an invoice number) already exists for the tenant. */
public final class DuplicateRecordException extends CrmException {

    public DuplicateRecordException(String recordType, Object key) {
        super(ErrorCode.DUPLICATE, recordType + " " + key + " already exists");
    }
}
