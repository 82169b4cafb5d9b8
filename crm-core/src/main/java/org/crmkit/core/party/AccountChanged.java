package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A part of an account changed; {@code change} says which. */
public record AccountChanged(TenantId tenant, UUID aggregateId, Instant occurredAt, PartyChange change)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Account";
    }
}
