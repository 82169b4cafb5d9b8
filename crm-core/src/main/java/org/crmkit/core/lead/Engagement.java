package org.crmkit.core.lead;

import java.time.Instant;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Require;

/**
 * Something a lead did or took part in that behaviour rules score: an activity of a kind about the lead, or a
 * response to a campaign (exactly one of {@code activity} and {@code campaign}), at a time.
 */
public record Engagement(ActivityKind activity, CampaignId campaign, Instant at) {

    public Engagement {
        Require.that(
                (activity == null) != (campaign == null),
                "engagement",
                "must be exactly one of an activity or a campaign response");
        Require.notNull(at, "at");
    }

    public static Engagement activity(ActivityKind kind, Instant at) {
        return new Engagement(Require.notNull(kind, "activity"), null, at);
    }

    public static Engagement campaignResponse(CampaignId campaign, Instant at) {
        return new Engagement(null, Require.notNull(campaign, "campaign"), at);
    }
}
