package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A campaign was planned. */
public record CampaignPlanned(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String name,
        CampaignType type,
        CampaignPeriod period,
        Money budget,
        String plannedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Campaign";
    }
}
