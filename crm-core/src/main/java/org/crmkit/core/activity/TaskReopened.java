package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A done or cancelled task was opened again. */
public record TaskReopened(
        TenantId tenant, UUID aggregateId, Instant occurredAt, TaskStatus previousStatus, String reopenedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
