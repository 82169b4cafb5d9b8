package org.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A lead was given to an owner; {@code previousOwner} is null for the first assignment. */
public record LeadAssigned(TenantId tenant, UUID aggregateId, Instant occurredAt, UserId previousOwner, UserId owner)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Lead";
    }
}
