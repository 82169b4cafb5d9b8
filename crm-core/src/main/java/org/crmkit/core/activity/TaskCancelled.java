package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A task was cancelled; it will not be done. */
public record TaskCancelled(
        TenantId tenant, UUID aggregateId, Instant occurredAt, TaskStatus previousStatus, String cancelledBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
