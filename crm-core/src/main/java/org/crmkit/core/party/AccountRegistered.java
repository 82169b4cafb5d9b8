package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** An account was registered. */
public record AccountRegistered(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, UserId owner)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Account";
    }
}
