package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A resolved case was closed. */
public record CaseClosed(TenantId tenant, UUID aggregateId, Instant occurredAt, String closedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
