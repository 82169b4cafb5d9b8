package org.crmkit.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.MergedMembership;
import org.crmkit.core.spi.CampaignMemberRepository;

/**
 * The campaign memberships of contacts merged away, in the merge's or unmerge's transaction. A merge gives each to
 * the survivor when it is no member of that campaign (same status and times) and drops it when the survivor is a
 * member already (the survivor's own membership stays); an unmerge puts them back, but only while each membership
 * the merge gave the survivor is as the merge left it.
 */
final class MergedMemberships {

    private final UseCases useCases;
    private final CampaignMemberRepository members;
    private final TenantId tenant;

    MergedMemberships(UseCases useCases) {
        this.useCases = useCases;
        this.members = useCases.storage.campaignMembers();
        this.tenant = useCases.tenant();
    }

    /** Moves the merged contacts' memberships to the survivor; returns what it did with each. */
    List<MergedMembership> move(RecordRef survivor, Collection<CampaignMember> memberships) {
        List<MergedMembership> moved = new ArrayList<>();
        for (CampaignMember membership : memberships) {
            requireChangeable(membership);
            members.delete(tenant, membership.campaign(), membership.member());
            boolean survivorJoins =
                    members.find(tenant, membership.campaign(), survivor).isEmpty();
            if (survivorJoins) {
                members.addAll(tenant, List.of(membership.heldBy(survivor)));
            }
            moved.add(new MergedMembership(membership, survivorJoins));
        }
        return moved;
    }

    /** Why the merge's memberships cannot be put back: one it gave the survivor is gone or changed since. */
    List<String> unmergeBlockers(MergeRecord merge) {
        List<String> reasons = new ArrayList<>();
        for (MergedMembership membership : merge.before().campaignMembers()) {
            if (!membership.movedToSurvivor()) {
                continue;
            }
            CampaignMember left = membership.before().heldBy(merge.survivorRef());
            Optional<CampaignMember> current = members.find(tenant, left.campaign(), merge.survivorRef());
            if (current.isEmpty()) {
                reasons.add("the membership of " + merge.survivorRef().type() + " " + merge.survivor() + " in Campaign "
                        + left.campaign() + " no longer exists");
            } else if (!current.get().withVersion(0).equals(left)) {
                reasons.add("the membership of " + merge.survivorRef().type() + " " + merge.survivor() + " in Campaign "
                        + left.campaign() + " was changed after the merge (it is "
                        + current.get().status() + ")");
            }
        }
        return reasons;
    }

    /** Takes back what the merge gave the survivor and stores the merged contacts' memberships again. */
    void putBack(MergeRecord merge) {
        for (MergedMembership membership : merge.before().campaignMembers()) {
            requireChangeable(membership.before());
            if (membership.movedToSurvivor()) {
                members.delete(tenant, membership.before().campaign(), merge.survivorRef());
            }
            members.addAll(tenant, List.of(membership.before().withVersion(0)));
        }
    }

    private void requireChangeable(CampaignMember membership) {
        Optional<Campaign> campaign = useCases.storage.campaigns().findById(tenant, membership.campaign());
        campaign.ifPresent(useCases.sharing::requireChangeable);
    }
}
