package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;

/** A task of a series was done and its next occurrence created. */
public record TaskRecurred(
        TenantId tenant, UUID aggregateId, Instant occurredAt, TaskId nextOccurrence, Instant nextDueAt)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
