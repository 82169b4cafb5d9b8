package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One row of {@code crm_pipeline}: see {@link PipelineMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_pipeline")
@IdClass(RowKey.class)
class PipelineRow extends AggregateRow {

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "owner_id")
    UUID ownerId;
}
