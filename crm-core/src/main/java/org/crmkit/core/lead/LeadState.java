package org.crmkit.core.lead;

import java.time.Instant;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Everything a {@link Lead} consists of, as storage keeps it. Nullable: {@code campaign},
 * {@code disqualificationReason}, {@code owner}, {@code scoredAt}, {@code conversion}.
 */
public record LeadState(TenantId tenant, LeadId id, long version, LeadDetails details, LeadSource source,
                        CampaignId campaign, UtmAttribution utm, LeadStatus status, String disqualificationReason,
                        UserId owner, int score, Instant scoredAt, Instant capturedAt, LeadConversion conversion)
        implements AggregateState<LeadState> {

    @Override
    public LeadState withVersion(long version) {
        return new LeadState(tenant, id, version, details, source, campaign, utm, status, disqualificationReason, owner,
                score, scoredAt, capturedAt, conversion);
    }
}
