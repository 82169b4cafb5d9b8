package org.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A qualified lead was converted into a contact, an account and possibly an opportunity. */
public record LeadConverted(TenantId tenant, UUID aggregateId, Instant occurredAt, LeadConversion conversion)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Lead";
    }
}
