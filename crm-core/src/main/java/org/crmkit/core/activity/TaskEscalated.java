package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** An overdue task was escalated, typically to the assignee's team lead (recorded by the workflow). */
public record TaskEscalated(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Instant dueAt, UserId assignee, UserId escalatedTo)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
