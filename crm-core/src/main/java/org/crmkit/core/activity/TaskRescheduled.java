package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A task got a new due time (and possibly a new reminder, which may be null). */
public record TaskRescheduled(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Instant previousDueAt, Instant dueAt, Instant reminderAt)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
