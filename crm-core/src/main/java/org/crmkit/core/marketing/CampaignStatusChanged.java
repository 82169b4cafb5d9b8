package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A campaign was activated, completed or aborted ({@code reason} only for aborts, may be null). */
public record CampaignStatusChanged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        CampaignStatus from,
        CampaignStatus to,
        String reason,
        String changedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Campaign";
    }
}
