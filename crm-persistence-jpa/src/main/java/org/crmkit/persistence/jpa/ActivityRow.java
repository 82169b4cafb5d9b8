package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of {@code crm_activity}: see {@link ActivityMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_activity")
@IdClass(RowKey.class)
class ActivityRow extends AggregateRow {

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
}
