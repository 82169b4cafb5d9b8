package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A case was resolved; {@code withinTarget} tells whether the resolution target was met. */
public record CaseResolved(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String resolution,
        boolean withinTarget,
        String resolvedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
