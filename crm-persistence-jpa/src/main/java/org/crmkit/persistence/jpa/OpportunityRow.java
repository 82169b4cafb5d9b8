package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code crm_opportunity}: see {@link OpportunityMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_opportunity")
@IdClass(RowKey.class)
class OpportunityRow extends AggregateRow {

    @Column(name = "owner_id")
    UUID ownerId;

    @Column(name = "account_id")
    UUID accountId;

    @Column(name = "pipeline_id")
    UUID pipelineId;

    @Column(name = "stage_id")
    UUID stageId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "expected_close_date")
    LocalDate expectedCloseDate;

    @Column(name = "close_order", nullable = false)
    LocalDate closeOrder;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "amount", precision = 30, scale = 12)
    BigDecimal amount;

    @Column(name = "currency")
    String currency;

    @Column(name = "probability_override")
    Integer probabilityOverride;

    @Column(name = "closed_at")
    Instant closedAt;
}
