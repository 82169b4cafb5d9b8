package org.crmkit.workflow.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
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
 * (0 before it is stored). {@code hour} and {@code scheduledInHour} count the messages scheduled in the clock hour that
 * began at {@code hour}, for the hourly limit.
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
        Instant startedAt,
        Instant hour,
        int scheduledInHour) {

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
        Require.notNull(hour, "hour");
        Require.notNegative(scheduledInHour, "scheduledInHour");
    }

    /** A send not stored yet, starting at {@code startedAt} with nothing scheduled. */
    public static CampaignSend of(
            TenantId tenant,
            CampaignId campaign,
            SegmentId segment,
            Channel channel,
            String template,
            int perHour,
            LocalTime windowStart,
            LocalTime windowEnd,
            Instant startedAt) {
        return new CampaignSend(
                tenant,
                campaign,
                0,
                segment,
                channel,
                template,
                perHour,
                windowStart,
                windowEnd,
                startedAt,
                Require.notNull(startedAt, "startedAt").truncatedTo(ChronoUnit.HOURS),
                0);
    }

    public CampaignSend withVersion(long version) {
        return new CampaignSend(
                tenant,
                campaign,
                version,
                segment,
                channel,
                template,
                perHour,
                windowStart,
                windowEnd,
                startedAt,
                hour,
                scheduledInHour);
    }

    /** How many more messages the clock hour that begins at {@code clockHour} takes. */
    public int roomIn(Instant clockHour) {
        return clockHour.equals(hour) ? perHour - scheduledInHour : perHour;
    }

    /** This send with {@code count} more messages scheduled in the clock hour that begins at {@code clockHour}. */
    public CampaignSend withScheduled(Instant clockHour, int count) {
        int inHour = clockHour.equals(hour) ? scheduledInHour + count : count;
        return new CampaignSend(
                tenant,
                campaign,
                version,
                segment,
                channel,
                template,
                perHour,
                windowStart,
                windowEnd,
                startedAt,
                clockHour,
                inHour);
    }

    /** Whether the local time lies in the send window. */
    boolean inWindow(LocalTime local) {
        return !local.isBefore(windowStart) && local.isBefore(windowEnd);
    }
}
