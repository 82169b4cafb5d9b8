package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A case got another priority and therefore new service-level due times. */
public record CasePriorityChanged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        CasePriority from,
        CasePriority to,
        Instant firstResponseDueAt,
        Instant resolutionDueAt)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
