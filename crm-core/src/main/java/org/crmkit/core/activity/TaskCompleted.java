package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A task was done. */
public record TaskCompleted(
        TenantId tenant, UUID aggregateId, Instant occurredAt, Instant completedAt, String completedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
