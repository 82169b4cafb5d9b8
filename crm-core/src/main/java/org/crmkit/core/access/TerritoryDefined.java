package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A territory was defined. */
public record TerritoryDefined(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, int priority)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Territory";
    }
}
