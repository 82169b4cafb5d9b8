package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A task moved to another assignee. */
public record TaskReassigned(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        UserId previousAssignee,
        UserId assignee,
        String reassignedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
