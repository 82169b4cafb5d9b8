package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A user was deactivated: it sees no records any more. */
public record UserDeactivated(TenantId tenant, UUID aggregateId, Instant occurredAt) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "User";
    }
}
