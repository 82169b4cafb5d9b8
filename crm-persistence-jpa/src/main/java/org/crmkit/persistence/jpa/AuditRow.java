package org.crmkit.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.privacy.FieldChange;

/** One row of {@code crm_audit_trail}: one {@link FieldChange}. */
@Entity
@Table(name = "crm_audit_trail")
@IdClass(RowKey.class)
class AuditRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    UUID id;

    @Column(name = "record_type", nullable = false, updatable = false)
    String recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    UUID recordId;

    @Column(name = "field", nullable = false, updatable = false)
    String field;

    @Column(name = "old_value", length = FieldChange.MAX_VALUE_LENGTH)
    String oldValue;

    @Column(name = "new_value", length = FieldChange.MAX_VALUE_LENGTH)
    String newValue;

    @Column(name = "changed_by", nullable = false, updatable = false)
    String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    Instant changedAt;

    @Column(name = "values_erased", nullable = false)
    boolean valuesErased;

    static AuditRow of(FieldChange change) {
        AuditRow row = new AuditRow();
        row.tenantId = change.tenant().value();
        row.id = change.id();
        row.recordType = change.record().type().name();
        row.recordId = change.record().id();
        row.field = change.field();
        row.oldValue = change.oldValue();
        row.newValue = change.newValue();
        row.changedBy = change.changedBy();
        row.changedAt = change.changedAt();
        row.valuesErased = change.valuesErased();
        return row;
    }

    FieldChange change() {
        return new FieldChange(
                TenantId.of(tenantId),
                id,
                new RecordRef(RecordType.valueOf(recordType), recordId),
                field,
                oldValue,
                newValue,
                changedBy,
                changedAt,
                valuesErased);
    }
}
