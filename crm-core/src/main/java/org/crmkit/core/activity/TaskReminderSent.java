package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** The reminder of a task went out (recorded by the workflow that sent it). */
public record TaskReminderSent(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Instant reminderAt, UserId assignee)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
