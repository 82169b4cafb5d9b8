package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A user's name, email or roles changed; {@code change} says which. */
public record UserChanged(TenantId tenant, UUID aggregateId, Instant occurredAt, UserChange change)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "User";
    }
}
