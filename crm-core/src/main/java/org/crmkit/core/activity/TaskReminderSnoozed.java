package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A task's reminder was moved to a later time. */
public record TaskReminderSnoozed(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Instant previousReminderAt, Instant reminderAt)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
