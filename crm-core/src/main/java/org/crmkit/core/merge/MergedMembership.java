package org.crmkit.core.merge;

import org.crmkit.core.common.Require;
import org.crmkit.core.marketing.CampaignMember;

/**
 * A campaign membership of a merged contact as it was just before the merge, and what the merge did with it: gave it
 * to the survivor, which was no member of that campaign ({@code movedToSurvivor}), or dropped it because the
 * survivor was a member already and kept its own membership.
 */
public record MergedMembership(CampaignMember before, boolean movedToSurvivor) {

    public MergedMembership {
        Require.notNull(before, "before");
    }
}
