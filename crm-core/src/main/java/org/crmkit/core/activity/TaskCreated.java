package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A task was created. */
public record TaskCreated(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String subject,
        Instant dueAt,
        UserId assignee,
        TaskPriority priority,
        RecordRef link,
        Instant reminderAt,
        String createdBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
