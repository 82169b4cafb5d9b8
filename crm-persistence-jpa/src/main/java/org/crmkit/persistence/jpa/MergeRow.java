package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_merge}: see {@link MergeMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_merge")
@IdClass(RowKey.class)
class MergeRow extends AggregateRow {

    @Column(name = "record_type", nullable = false)
    String recordType;

    @Column(name = "survivor_id", nullable = false)
    UUID survivorId;

    @Column(name = "merged_at", nullable = false)
    Instant mergedAt;

    @Column(name = "in_force", nullable = false)
    boolean inForce;
}
