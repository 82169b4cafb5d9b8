package org.crmkit.core.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A territory's name, priority or rules changed. */
public record TerritoryChanged(
        TenantId tenant, UUID aggregateId, Instant occurredAt, String name, int priority, List<TerritoryRule> rules)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Territory";
    }
}
