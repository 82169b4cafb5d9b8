package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of {@code crm_workflow_action}: every field of a workflow action as a column, its payload as JSON with
 * the payload's class in {@code payload_type} (payloads are open to every workflow, so they carry their type).
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_workflow_action")
@IdClass(RowKey.class)
class ActionRow {

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    UUID id;

    /** Counted by {@link JpaActionStore} itself under a row lock, so that a save of an unchanged action counts too. */
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "workflow", nullable = false, updatable = false)
    String workflow;

    @Column(name = "deduplication_key", nullable = false, updatable = false)
    String deduplicationKey;

    @Column(name = "subject", nullable = false, updatable = false)
    String subject;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "claimed_until")
    Instant claimedUntil;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "payload_type", nullable = false, updatable = false)
    String payloadType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false, updatable = false)
    String payload;
}
