package org.crmkit.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_lookup}: a {@link LookupKey} of one aggregate. */
@Entity
@Table(name = "crm_lookup")
@IdClass(RowKey.class)
class LookupRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    UUID id;

    @Column(name = "record_id", nullable = false, updatable = false)
    UUID recordId;

    @Column(name = "key_name", nullable = false, updatable = false)
    String name;

    @Column(name = "key_value", nullable = false, updatable = false)
    String value;

    @Column(name = "valid_from", updatable = false)
    LocalDate validFrom;

    @Column(name = "valid_to", updatable = false)
    LocalDate validTo;

    @Column(name = "key_time", updatable = false)
    Instant time;

    static LookupRow of(UUID id, String tenantId, UUID recordId, LookupKey key) {
        LookupRow row = new LookupRow();
        row.id = id;
        row.tenantId = tenantId;
        row.recordId = recordId;
        row.name = key.name();
        row.value = key.value();
        row.validFrom = key.validFrom();
        row.validTo = key.validTo();
        row.time = key.time();
        return row;
    }

    LookupKey key() {
        return new LookupKey(name, value, validFrom, validTo, time);
    }
}
