package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** One row of {@code crm_segment}: see {@link SegmentMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_segment")
@IdClass(RowKey.class)
class SegmentRow extends AggregateRow {

    @Column(name = "name_order", nullable = false)
    String nameOrder;

    @Column(name = "owner_id")
    UUID ownerId;
}
