package org.crmkit.workflow.campaign;

import java.time.Instant;
import java.time.LocalTime;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.action.Channel;

/**
 * How a campaign is sent: to the contacts of a segment (read again at every planning run, so that who joins the
 * segment while the campaign runs receives it too), on one channel, with one template (rendered in each contact's
 * language), at most {@code perHour} messages per clock hour, between {@code windowStart} (inclusive) and
 * {@code windowEnd} (exclusive) in each contact's local time. One send per campaign; {@code version} counts its saves
 * (0 before it is stored).
 */
public record CampaignSend(
        TenantId tenant,
        CampaignId campaign,
        long version,
        SegmentId segment,
        Channel channel,
        String template,
        int perHour,
        LocalTime windowStart,
        LocalTime windowEnd,
        Instant startedAt) {

    public CampaignSend {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNegative(version, "version");
        Require.notNull(segment, "segment");
        Require.notNull(channel, "channel");
        Require.maxLength(Require.notBlank(template, "template"), 100, "template");
        Require.positive(perHour, "perHour");
        Require.notNull(windowStart, "windowStart");
        Require.notNull(windowEnd, "windowEnd");
        Require.that(windowStart.isBefore(windowEnd), "windowEnd", "must be after windowStart " + windowStart);
        Require.notNull(startedAt, "startedAt");
    }

    public CampaignSend withVersion(long version) {
        return new CampaignSend(
                tenant, campaign, version, segment, channel, template, perHour, windowStart, windowEnd, startedAt);
    }

    /** Whether the local time lies in the send window. */
    boolean inWindow(LocalTime local) {
        return !local.isBefore(windowStart) && local.isBefore(windowEnd);
    }
}
