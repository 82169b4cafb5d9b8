package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of {@code crm_team}: see {@link TeamMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_team")
@IdClass(RowKey.class)
class TeamRow extends AggregateRow {

    @Column(name = "name_order", nullable = false)
    String nameOrder;
}
