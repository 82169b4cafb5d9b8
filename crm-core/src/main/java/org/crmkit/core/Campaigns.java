package org.crmkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberCounts;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.NewCampaign;

/**
 * Use cases of marketing campaigns: plan, run and close campaigns, add members, record their responses and book
 * costs. Members are stored apart from their campaign (a campaign may have millions), one at a time: adding members
 * or recording a member's response writes those members alone, with the campaign's events. Every change runs in one
 * transaction with its events, for the calling tenant and actor. An unknown id throws {@link
 * RecordNotFoundException}. Thread-safe.
 *
 * <p>Under a sharing model that restricts campaigns ({@code RecordType.CAMPAIGN}), every query answers what the
 * acting user may read (its own campaigns, its team's, those of the users below it and those shared with it): a
 * campaign it may not read is not found, a change of one it may read but not change is refused with an {@code
 * AccessDeniedException}. A member is read with its campaign and only when the user may also see the contact or lead
 * it is; the counts of a campaign are of all its members.
 */
public final class Campaigns {

    private final UseCases useCases;

    Campaigns(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * Plans a campaign and returns it as stored, owned by {@code details.owner()}, or when that is null by the acting
     * user (by none when the system actor or an actor that is no crmkit user plans it).
     */
    public Campaign plan(NewCampaign details) {
        Require.notNull(details, "details");
        NewCampaign owned = details.owner() != null
                ? details
                : useCases.actingUser().map(user -> details.ownedBy(user.id())).orElse(details);
        return useCases.save(
                Campaign.plan(
                        useCases.tenant(), CampaignId.next(useCases.ids), owned, useCases.actor(), useCases.clock),
                useCases.storage.campaigns()::save);
    }

    /** The campaign; empty also when the acting user may not read it. */
    public Optional<Campaign> findCampaign(CampaignId id) {
        Require.notNull(id, "id");
        return useCases.campaigns().findById(useCases.tenant(), id);
    }

    /**
     * The campaign, when the acting user may change it (what sending it needs, for example): a {@link
     * RecordNotFoundException} when it may not read it, an {@code AccessDeniedException} when it may read but not
     * change it.
     */
    public Campaign changeableCampaign(CampaignId id) {
        return changeable(id);
    }

    /** PLANNED to ACTIVE. */
    public Campaign activate(CampaignId id) {
        return change(id, campaign -> campaign.activate(useCases.actor(), useCases.clock));
    }

    /** ACTIVE to COMPLETED. */
    public Campaign complete(CampaignId id) {
        return change(id, campaign -> campaign.complete(useCases.actor(), useCases.clock));
    }

    /** PLANNED or ACTIVE to ABORTED; the reason is required. */
    public Campaign abort(CampaignId id, String reason) {
        return change(id, campaign -> campaign.abort(reason, useCases.actor(), useCases.clock));
    }

    /**
     * Adds contacts and leads (record references, each of which must exist) as TARGETED members, while the campaign is
     * PLANNED or ACTIVE; those that are members already keep their status. Returns the members added, in the given
     * order. Writes the new members alone, not the campaign.
     */
    public List<CampaignMember> addMembers(CampaignId id, List<RecordRef> members) {
        Require.noNulls(members, "members");
        return useCases.write(() -> {
            Campaign campaign = changeable(id);
            List<CampaignMember> joining = campaign.newMembers(members, useCases.clock);
            useCases.references.all(References.indexed(members, "members"));
            List<CampaignMember> added = useCases.storage.campaignMembers().addAll(useCases.tenant(), joining);
            campaign.membersAdded(added);
            useCases.storage.outbox().append(campaign.pendingEvents());
            return added;
        });
    }

    /**
     * Moves a member to another status (sent, responded, converted, bounced, unsubscribed) while the campaign is
     * ACTIVE or COMPLETED, and returns it as stored. Writes that member alone: responses of different members recorded
     * at once do not collide; a {@code StaleVersionException} when the same member changed in the meantime. A record
     * that is no member, or that the acting user may not see, is refused (field {@code member}).
     */
    public CampaignMember recordMemberStatus(CampaignId id, RecordRef member, CampaignMemberStatus status) {
        Require.notNull(member, "member");
        Require.notNull(status, "status");
        return useCases.write(() -> {
            Campaign campaign = changeable(id);
            CampaignMember current = useCases.campaignMembers()
                    .find(useCases.tenant(), id, member)
                    .orElseThrow(() -> InvalidValueException.invalid(
                            "member", member.type() + " " + member.id() + " is not a member of Campaign " + id));
            CampaignMember moved = campaign.moveMember(current, status, useCases.clock);
            CampaignMember stored = useCases.storage.campaignMembers().update(useCases.tenant(), moved);
            useCases.storage.outbox().append(campaign.pendingEvents());
            return stored;
        });
    }

    /** Records that a member responded. */
    public CampaignMember recordResponse(CampaignId id, RecordRef member) {
        return recordMemberStatus(id, member, CampaignMemberStatus.RESPONDED);
    }

    /** Records that a member converted. */
    public CampaignMember recordConversion(CampaignId id, RecordRef member) {
        return recordMemberStatus(id, member, CampaignMemberStatus.CONVERTED);
    }

    /**
     * The contact's or lead's membership of the campaign; empty when it is no member or the acting user may not see
     * the contact or lead.
     */
    public Optional<CampaignMember> member(CampaignId id, RecordRef member) {
        Require.notNull(member, "member");
        return useCases.campaignMembers().find(useCases.tenant(), campaign(id).id(), member);
    }

    /**
     * At most {@code limit} (1..1,000) members of the campaign after {@code after} (null: from the first), by member id
     * then type: a keyset page, the last member's reference asks for the next one; fewer than {@code limit} means the
     * campaign's members end. Only members the acting user may see (their contact or lead included) are in it.
     */
    public List<CampaignMember> members(CampaignId id, RecordRef after, int limit) {
        Require.that(limit >= 1 && limit <= PageRequest.MAX_SIZE, "limit", "must be 1 to 1000, was " + limit);
        return useCases.campaignMembers()
                .findAfter(useCases.tenant(), campaign(id).id(), after, limit);
    }

    /**
     * How many members the campaign has in each status, and how many responded: all its members, also those whose
     * contact or lead the acting user may not see (figures name no one).
     */
    public CampaignMemberCounts memberCounts(CampaignId id) {
        return useCases.campaignMembers().count(useCases.tenant(), campaign(id).id());
    }

    /**
     * The campaign's actual cost divided by its members that responded, rounded half-even to the minor unit; empty
     * without responses.
     */
    public Optional<Money> costPerResponse(CampaignId id) {
        Campaign campaign = campaign(id);
        return campaign.costPerResponse(useCases.campaignMembers()
                .count(useCases.tenant(), campaign.id())
                .responses());
    }

    /** Books a cost in the campaign's currency. */
    public Campaign recordCost(CampaignId id, String description, Money amount, LocalDate incurredOn) {
        return change(id, campaign -> campaign.recordCost(description, amount, incurredOn, useCases.clock));
    }

    /** Campaigns active today (by the clock) that the acting user may read, by period start then id. */
    public Page<Campaign> activeCampaigns(PageRequest page) {
        return activeOn(LocalDate.now(useCases.clock), page);
    }

    /** Campaigns active on the day that the acting user may read, by period start then id. */
    public Page<Campaign> activeOn(LocalDate day, PageRequest page) {
        Require.notNull(day, "day");
        Require.notNull(page, "page");
        return useCases.campaigns().findActiveOn(useCases.tenant(), day, page);
    }

    /**
     * Campaigns the contact or lead is a member of that the acting user may read, by period start then id; a {@code
     * RecordNotFoundException} when the acting user may not see the member (see {@code SharingModel}).
     */
    public Page<Campaign> campaignsOf(RecordRef member, PageRequest page) {
        Require.notNull(member, "member");
        Require.notNull(page, "page");
        useCases.sharing.requireVisibleWhenRestricted(member);
        return useCases.campaigns().findByMember(useCases.tenant(), member, page);
    }

    private Campaign campaign(CampaignId id) {
        Require.notNull(id, "id");
        return Reads.found(useCases.campaigns().findById(useCases.tenant(), id), "Campaign", id);
    }

    /** The campaign, once the actor is known to be allowed to change it. */
    private Campaign changeable(CampaignId id) {
        Campaign campaign = campaign(id);
        useCases.sharing.requireChangeable(campaign);
        return campaign;
    }

    private Campaign change(CampaignId id, Consumer<Campaign> change) {
        Require.notNull(id, "id");
        return useCases.write(() -> {
            Campaign campaign = campaign(id);
            change.accept(campaign);
            return useCases.save(campaign, useCases.storage.campaigns()::save);
        });
    }
}
