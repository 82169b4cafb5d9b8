package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A user stopped being a member of a territory. */
public record TerritoryMemberRemoved(TenantId tenant, UUID aggregateId, Instant occurredAt, UserId member)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Territory";
    }
}
