package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code crm_territory}: see {@link TerritoryMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_territory")
@IdClass(RowKey.class)
class TerritoryRow extends AggregateRow {

    @Column(name = "priority", nullable = false)
    int priority;

    @Column(name = "name_order", nullable = false)
    String nameOrder;
}
