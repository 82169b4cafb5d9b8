package org.crmkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.NewCampaign;

/**
 * Use cases of marketing campaigns: plan, run and close campaigns, add members, record their responses and book
 * costs. Every change runs in one transaction with its events, for the calling tenant and actor. An unknown id
 * throws {@link RecordNotFoundException}. Thread-safe.
 */
public final class Campaigns {

    private final UseCases useCases;

    Campaigns(UseCases useCases) {
        this.useCases = useCases;
    }

    /** Plans a campaign and returns it as stored. */
    public Campaign plan(NewCampaign details) {
        Require.notNull(details, "details");
        return useCases.save(
                Campaign.plan(
                        useCases.tenant(), CampaignId.next(useCases.ids), details, useCases.actor(), useCases.clock),
                useCases.storage.campaigns()::save);
    }

    public Optional<Campaign> findCampaign(CampaignId id) {
        Require.notNull(id, "id");
        return useCases.storage.campaigns().findById(useCases.tenant(), id);
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

    /** Adds contacts and leads (record references) as members; existing members keep their status. */
    public Campaign addMembers(CampaignId id, List<RecordRef> members) {
        Require.noNulls(members, "members");
        return change(id, campaign -> {
            campaign.addMembers(members, useCases.clock);
            useCases.references.all(References.indexed(members, "members"));
        });
    }

    /** Moves a member to another status (sent, responded, converted, bounced, unsubscribed). */
    public Campaign recordMemberStatus(CampaignId id, RecordRef member, CampaignMemberStatus status) {
        Require.notNull(member, "member");
        Require.notNull(status, "status");
        return change(id, campaign -> campaign.recordMemberStatus(member, status, useCases.clock));
    }

    /** Records that a member responded. */
    public Campaign recordResponse(CampaignId id, RecordRef member) {
        return recordMemberStatus(id, member, CampaignMemberStatus.RESPONDED);
    }

    /** Records that a member converted. */
    public Campaign recordConversion(CampaignId id, RecordRef member) {
        return recordMemberStatus(id, member, CampaignMemberStatus.CONVERTED);
    }

    /** Books a cost in the campaign's currency. */
    public Campaign recordCost(CampaignId id, String description, Money amount, LocalDate incurredOn) {
        return change(id, campaign -> campaign.recordCost(description, amount, incurredOn, useCases.clock));
    }

    /** Campaigns active today (by the clock), by period start then id. */
    public Page<Campaign> activeCampaigns(PageRequest page) {
        return activeOn(LocalDate.now(useCases.clock), page);
    }

    /** Campaigns active on the day, by period start then id. */
    public Page<Campaign> activeOn(LocalDate day, PageRequest page) {
        Require.notNull(day, "day");
        Require.notNull(page, "page");
        return useCases.storage.campaigns().findActiveOn(useCases.tenant(), day, page);
    }

    /**
     * Campaigns the contact or lead is a member of, by period start then id; a {@code RecordNotFoundException} when
     * the acting user may not see the member (see {@code SharingModel}).
     */
    public Page<Campaign> campaignsOf(RecordRef member, PageRequest page) {
        Require.notNull(member, "member");
        Require.notNull(page, "page");
        useCases.sharing.requireVisibleWhenRestricted(member);
        return useCases.storage.campaigns().findByMember(useCases.tenant(), member, page);
    }

    private Campaign change(CampaignId id, Consumer<Campaign> change) {
        Require.notNull(id, "id");
        return useCases.write(() -> {
            Campaign campaign =
                    UseCases.found(useCases.storage.campaigns().findById(useCases.tenant(), id), "Campaign", id);
            change.accept(campaign);
            return useCases.save(campaign, useCases.storage.campaigns()::save);
        });
    }
}
