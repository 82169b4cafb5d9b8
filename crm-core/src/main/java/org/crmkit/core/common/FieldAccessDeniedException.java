package org.crmkit.core.common;

/**
 * The acting user may not edit a field of a record (field-level security): names the field, the record and the
 * user. Its code is {@link ErrorCode#ACCESS_DENIED}.
 */
public final class FieldAccessDeniedException extends CrmException {

    private final String field;

    public FieldAccessDeniedException(String field, RecordRef record, String user) {
        super(
                ErrorCode.ACCESS_DENIED,
                "user " + user + " may not edit the field " + field + " of " + record.type() + " " + record.id());
        this.field = field;
    }

    /** The refused field, e.g. {@code contact.birthday} or {@code account.customFields.credit_limit}. */
    public String field() {
        return field;
    }
}
