package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** The assignee of an overdue task was told so (recorded by the workflow that sent the notice). */
public record TaskOverdueNoticeSent(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Instant dueAt, UserId assignee) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
