package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A case got an assignee; {@code previousAssignee} is null when it had none. */
public record CaseAssigned(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        UserId previousAssignee,
        UserId assignee,
        String assignedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
