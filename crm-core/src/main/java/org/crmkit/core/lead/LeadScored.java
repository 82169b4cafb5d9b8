package org.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A lead's score changed. */
public record LeadScored(TenantId tenant, UUID aggregateId, Instant occurredAt, int previousScore, int score)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Lead";
    }
}
