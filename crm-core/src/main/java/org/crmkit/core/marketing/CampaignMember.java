package org.crmkit.core.marketing;

import java.time.Instant;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;

/**
 * A contact or lead in a campaign with its status, stored apart from the {@link Campaign} (one record per campaign
 * and member, see {@code CampaignMemberRepository}), so that a response changes that member alone. {@code
 * respondedAt} is when it first responded (null before); {@code statusChangedAt} is when the status last changed.
 * {@code version} counts the member's saves (0 for one never stored) and guards its changes as an aggregate's
 * version does.
 */
public record CampaignMember(
        CampaignId campaign,
        RecordRef member,
        CampaignMemberStatus status,
        Instant addedAt,
        Instant statusChangedAt,
        Instant respondedAt,
        long version) {

    public CampaignMember {
        Require.notNull(campaign, "campaign");
        requireContactOrLead(member);
        Require.notNull(status, "status");
        Require.notNull(addedAt, "addedAt");
        Require.notNull(statusChangedAt, "statusChangedAt");
        Require.notNegative(version, "version");
    }

    /** A new TARGETED member, never stored. */
    public static CampaignMember targeted(CampaignId campaign, RecordRef member, Instant addedAt) {
        return new CampaignMember(campaign, member, CampaignMemberStatus.TARGETED, addedAt, addedAt, null, 0);
    }

    /** This member as stored with the version. */
    public CampaignMember withVersion(long newVersion) {
        return new CampaignMember(campaign, member, status, addedAt, statusChangedAt, respondedAt, newVersion);
    }

    /**
     * This membership as a new one (never stored) of another contact or lead, a merge's survivor, with the same status
     * and times.
     */
    public CampaignMember heldBy(RecordRef other) {
        return new CampaignMember(campaign, other, status, addedAt, statusChangedAt, respondedAt, 0);
    }

    /** Whether it responded (including those that converted, and those that unsubscribed after responding). */
    public boolean hasResponded() {
        return respondedAt != null;
    }

    static RecordRef requireContactOrLead(RecordRef member) {
        Require.notNull(member, "member");
        Require.that(
                member.type() == RecordType.CONTACT || member.type() == RecordType.LEAD,
                "member",
                "must be a contact or a lead, was a " + member.type());
        return member;
    }

    CampaignMember movedTo(CampaignMemberStatus target, Instant now) {
        Instant responded = respondedAt == null && target.isResponse() ? now : respondedAt;
        return new CampaignMember(campaign, member, target, addedAt, now, responded, version);
    }
}
