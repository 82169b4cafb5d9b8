package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_dunning_case}: see {@link DunningCaseMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_dunning_case")
@IdClass(RowKey.class)
class DunningCaseRow extends AggregateRow {

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "open_group_key")
    String openGroupKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
