package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/** A member of a campaign was sent to, responded, converted, bounced or unsubscribed. */
public record CampaignMemberStatusChanged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        RecordRef member,
        CampaignMemberStatus from,
        CampaignMemberStatus to)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Campaign";
    }
}
