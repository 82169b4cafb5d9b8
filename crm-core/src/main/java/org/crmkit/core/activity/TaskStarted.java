package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** Work on a task began. */
public record TaskStarted(TenantId tenant, UUID aggregateId, Instant occurredAt, String startedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
