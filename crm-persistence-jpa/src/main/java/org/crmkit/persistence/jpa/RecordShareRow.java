package org.crmkit.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One row of {@code crm_record_share}: a record shared with a user or a team ({@code RecordShare}); at most one per
 * record and grantee ({@code crm_record_share_by_record}). The visibility condition of {@link VisibleRows} reads it.
 */
@Entity
@Table(name = "crm_record_share")
@IdClass(RowKey.class)
class RecordShareRow {

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

    @Column(name = "grantee_id", nullable = false, updatable = false)
    UUID granteeId;

    @Column(name = "access", nullable = false)
    String access;
}
