package org.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A lead moved from one status to another; {@code reason} is set for a disqualification, else null. */
public record LeadStatusChanged(
        TenantId tenant, UUID aggregateId, Instant occurredAt, LeadStatus from, LeadStatus to, String reason)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Lead";
    }
}
