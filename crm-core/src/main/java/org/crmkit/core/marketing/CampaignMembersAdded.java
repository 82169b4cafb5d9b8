package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/** Contacts or leads joined a campaign (only those that were not members already). */
public record CampaignMembersAdded(TenantId tenant, UUID aggregateId, Instant occurredAt, List<RecordRef> members)
        implements DomainEvent {

    public CampaignMembersAdded {
        members = List.copyOf(members);
    }

    @Override
    public String aggregateType() {
        return "Campaign";
    }
}
