package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * One entry of the audit trail: a field of a record changed from one value to another, by whom and when. A field
 * is a component of the record's state (e.g. {@code name}, {@code contactPoints}, {@code stage}); a new record
 * has an entry for each field it was created with, with a null {@code oldValue}. Values are the fields' text form,
 * cut to {@link #MAX_VALUE_LENGTH} characters.
 *
 * @param id           unique, time-ordered
 * @param changedBy    the id of the {@code Actor} who made the change
 * @param valuesErased true once an erasure removed both values because they held a person's data; who and when
 *                     stay
 */
public record FieldChange(
        TenantId tenant,
        UUID id,
        RecordRef record,
        String field,
        String oldValue,
        String newValue,
        String changedBy,
        Instant changedAt,
        boolean valuesErased) {

    /** The longest value kept: {@value} characters; a longer one is cut and ends with an ellipsis. */
    public static final int MAX_VALUE_LENGTH = 2000;

    public FieldChange {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(record, "record");
        Require.maxLength(Require.notBlank(field, "field"), 100, "field");
        oldValue = cut(oldValue);
        newValue = cut(newValue);
        Require.notBlank(changedBy, "changedBy");
        Require.notNull(changedAt, "changedAt");
        Require.that(
                !valuesErased || (oldValue == null && newValue == null),
                "valuesErased",
                "an entry with erased values holds none");
    }

    /** This entry without its values, as an erasure leaves it. */
    public FieldChange withValuesErased() {
        return new FieldChange(tenant, id, record, field, null, null, changedBy, changedAt, true);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH
                ? value
                : value.substring(0, MAX_VALUE_LENGTH - 1) + "\u2026";
    }
}
