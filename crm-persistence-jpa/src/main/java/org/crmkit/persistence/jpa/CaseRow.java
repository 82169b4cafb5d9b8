package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_case}: see {@link CaseMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_case")
@IdClass(RowKey.class)
class CaseRow extends AggregateRow {

    @Column(name = "account_id")
    UUID accountId;

    @Column(name = "contact_id")
    UUID contactId;

    @Column(name = "assignee_id")
    UUID assigneeId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "opened_at", nullable = false)
    Instant openedAt;

    @Column(name = "first_response_due_at", nullable = false)
    Instant firstResponseDueAt;

    @Column(name = "first_responded_at")
    Instant firstRespondedAt;

    @Column(name = "resolution_due_at", nullable = false)
    Instant resolutionDueAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;
}
