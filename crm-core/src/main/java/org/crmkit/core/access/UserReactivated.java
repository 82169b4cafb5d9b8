package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A deactivated user was made active again. */
public record UserReactivated(TenantId tenant, UUID aggregateId, Instant occurredAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "User";
    }
}
