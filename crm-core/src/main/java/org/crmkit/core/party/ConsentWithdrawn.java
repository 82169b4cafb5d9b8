package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A contact withdrew consent to be contacted on a channel for a purpose. */
public record ConsentWithdrawn(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        ConsentChannel channel,
        ConsentPurpose purpose,
        String source)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Contact";
    }
}
