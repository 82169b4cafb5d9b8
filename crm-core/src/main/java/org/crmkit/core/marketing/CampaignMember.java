package org.crmkit.core.marketing;

import java.time.Instant;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;

/**
 * A contact or lead in a campaign with its status. {@code respondedAt} is when it first responded (null before);
 * {@code statusChangedAt} is when the status last changed.
 */
public record CampaignMember(
        RecordRef member, CampaignMemberStatus status, Instant addedAt, Instant statusChangedAt, Instant respondedAt) {

    public CampaignMember {
        requireContactOrLead(member);
        Require.notNull(status, "status");
        Require.notNull(addedAt, "addedAt");
        Require.notNull(statusChangedAt, "statusChangedAt");
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
        return new CampaignMember(member, target, addedAt, now, responded);
    }
}
