package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A part of a contact changed; {@code change} says which. */
public record ContactChanged(TenantId tenant, UUID aggregateId, Instant occurredAt, PartyChange change)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Contact";
    }
}
