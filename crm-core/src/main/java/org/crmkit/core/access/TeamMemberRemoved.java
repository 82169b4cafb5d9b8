package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A user left a team. */
public record TeamMemberRemoved(TenantId tenant, UUID aggregateId, Instant occurredAt, UserId member)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Team";
    }
}
