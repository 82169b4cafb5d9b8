package org.crmkit.persistence.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_task}: see {@link TaskMapping} for what the columns hold. */
@Entity
@Access(AccessType.FIELD)
@Table(name = "crm_task")
@IdClass(RowKey.class)
class TaskRow extends AggregateRow {

    @Column(name = "assignee_id", nullable = false)
    UUID assigneeId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Column(name = "link_type")
    String linkType;

    @Column(name = "link_id")
    UUID linkId;

    @Column(name = "reminder_at")
    Instant reminderAt;

    @Column(name = "reminder_sent_at")
    Instant reminderSentAt;
}
