package org.crmkit.core.lead;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Everything a {@link Lead} consists of, as storage keeps it. Nullable: {@code campaign},
 * {@code disqualificationReason}, {@code owner}, {@code scoredAt}, {@code lastEngagementAt}, {@code assignment},
 * {@code conversion}. {@code scoreBreakdown} explains {@code score} in rule order.
 */
public record LeadState(
        TenantId tenant,
        LeadId id,
        long version,
        LeadDetails details,
        LeadSource source,
        CampaignId campaign,
        UtmAttribution utm,
        LeadStatus status,
        String disqualificationReason,
        UserId owner,
        int score,
        List<ScoreContribution> scoreBreakdown,
        QualificationLevel qualification,
        Instant scoredAt,
        Instant lastEngagementAt,
        LeadAssignment assignment,
        Instant capturedAt,
        LeadConversion conversion)
        implements AggregateState<LeadState> {

    public LeadState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(details, "details");
        Require.notNull(source, "source");
        Require.notNull(utm, "utm");
        Require.notNull(status, "status");
        Require.notNull(capturedAt, "capturedAt");
        scoreBreakdown = Require.noNulls(scoreBreakdown, "scoreBreakdown");
        Require.notNull(qualification, "qualification");
    }

    @Override
    public LeadState withVersion(long version) {
        return new LeadState(
                tenant,
                id,
                version,
                details,
                source,
                campaign,
                utm,
                status,
                disqualificationReason,
                owner,
                score,
                scoreBreakdown,
                qualification,
                scoredAt,
                lastEngagementAt,
                assignment,
                capturedAt,
                conversion);
    }
}
