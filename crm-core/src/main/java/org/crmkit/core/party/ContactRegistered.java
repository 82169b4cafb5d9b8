package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A contact was registered. */
public record ContactRegistered(TenantId tenant, UUID aggregateId, Instant occurredAt, PersonName name, UserId owner)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Contact";
    }
}
