package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A cost was booked on a campaign; {@code actualCost} is the new total. */
public record CampaignCostRecorded(
        TenantId tenant, UUID aggregateId, Instant occurredAt, CostEntry cost, Money actualCost)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Campaign";
    }
}
