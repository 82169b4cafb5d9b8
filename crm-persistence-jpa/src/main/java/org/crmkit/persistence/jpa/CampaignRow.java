package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_campaign}: see {@link CampaignMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_campaign")
@IdClass(RowKey.class)
class CampaignRow extends AggregateRow {

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "period_start", nullable = false)
    LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    LocalDate periodEnd;

    @Column(name = "owner_id")
    UUID ownerId;
}
