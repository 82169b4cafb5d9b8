package org.crmkit.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of {@code crm_outbox}. The columns {@code id}, {@code aggregatetype}, {@code aggregateid}, {@code type}
 * and {@code payload} are those Debezium's outbox event router reads.
 */
@Entity
@Table(name = "crm_outbox")
class OutboxRow {

    /**
     * The number from {@code crm_outbox_sequence}, taken by {@link JpaOutbox} when the event is appended (several at
     * once for the events appended together), never ahead: numbers from several nodes never overtake each other.
     */
    @Id
    @Column(name = "sequence_number")
    Long sequence;

    @Column(name = "id", nullable = false, updatable = false)
    UUID eventId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenant;

    @Column(name = "aggregatetype", nullable = false, updatable = false)
    String aggregateType;

    @Column(name = "aggregateid", nullable = false, updatable = false)
    String aggregateId;

    @Column(name = "type", nullable = false, updatable = false)
    String type;

    @Column(name = "event_class", nullable = false, updatable = false)
    String eventClass;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false, updatable = false)
    String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    Instant recordedAt;

    @Column(name = "published_at")
    Instant publishedAt;

    /** Failed deliveries so far; back to 0 when a dead letter is retried. */
    @Column(name = "delivery_attempts", nullable = false)
    int deliveryAttempts;

    @Column(name = "last_failure", length = 2000)
    String lastFailure;

    /** When the relay gave up on the event; null while it is pending or once it is published. */
    @Column(name = "dead_lettered_at")
    Instant deadLetteredAt;

    /** When staff discarded the dead letter. */
    @Column(name = "discarded_at")
    Instant discardedAt;
}
