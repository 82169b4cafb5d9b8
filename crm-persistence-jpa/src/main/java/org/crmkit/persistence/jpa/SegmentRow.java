package org.crmkit.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code crm_segment}: see {@link SegmentMapping} for what the columns hold. */
@Entity
@Table(name = "crm_segment")
@IdClass(RowKey.class)
class SegmentRow extends AggregateRow {

    @Column(name = "name_order", nullable = false)
    String nameOrder;
}
