package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A team was created. */
public record TeamCreated(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, UserId lead)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Team";
    }
}
