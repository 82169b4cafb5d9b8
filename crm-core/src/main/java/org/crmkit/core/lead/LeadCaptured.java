package org.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A lead was captured from a source. */
public record LeadCaptured(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        LeadDetails details,
        LeadSource source,
        CampaignId campaign,
        UtmAttribution utm)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Lead";
    }
}
