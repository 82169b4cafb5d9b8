package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberCounts;

/**
 * Storage port of campaign members, apart from their campaigns: one record per tenant, campaign and member (a
 * contact or a lead), each with its own version, so that adding members or recording a response writes those
 * members alone however many the campaign has. Members of a campaign come in member order: by the member's id,
 * then its type ({@code CONTACT} before {@code LEAD}). No argument may be null unless a method says so. Every
 * method sees only the records of the given tenant. Implementations are thread-safe; writes join the current
 * {@link Transactions transaction}.
 */
public interface CampaignMemberRepository {

    /**
     * This repository as the user of {@code visibility} may read it, filtered in the query itself: {@code find},
     * {@code findAfter} (pages full) and {@code findByMember} answer only the members whose campaign is visible (as
     * {@link CampaignRepository#visibleTo} answers it) and whose contact or lead is visible (as {@link
     * ContactRepository#visibleTo} and {@link LeadRepository#visibleTo} answer them), where a record of a type the
     * visibility {@link Visibility#readsEvery reads every record of} is visible; {@code count} counts every member of
     * a visible campaign (a campaign's figures name no one) and none of a hidden one.
     * Everything when {@link Visibility#seesEverything()}. Writes are not restricted (the use cases check changes).
     * The view is as thread-safe as this repository.
     */
    CampaignMemberRepository visibleTo(Visibility visibility);

    /**
     * Stores the members (each of version 0) that are not members of their campaign yet, and returns the stored ones
     * (version 1) in the given order; a member already stored, or given twice, is left out (the first given wins).
     * Two transactions adding the same member at once may collide: the later one fails with a {@code
     * DuplicateRecordException}.
     */
    List<CampaignMember> addAll(TenantId tenant, List<CampaignMember> members);

    /** The member of the campaign, or empty when the contact or lead is not a member of it. */
    Optional<CampaignMember> find(TenantId tenant, CampaignId campaign, RecordRef member);

    /**
     * At most {@code limit} (at least 1) members of the campaign after {@code after} (null: from the first) in member
     * order: a keyset page, the last member asks for the next one; fewer than {@code limit} means the campaign ends.
     */
    List<CampaignMember> findAfter(TenantId tenant, CampaignId campaign, RecordRef after, int limit);

    /** Every membership of the contact or lead, by campaign id. */
    List<CampaignMember> findByMember(TenantId tenant, RecordRef member);

    /**
     * Stores the member's new status and times when its version equals the stored one, and returns the stored copy
     * with the next version; throws {@link StaleVersionException} when another change came first, {@link
     * RecordNotFoundException} when it is no member. The campaign, the member and when it was added never change.
     */
    CampaignMember update(TenantId tenant, CampaignMember member);

    /** Removes the contact's or lead's membership of the campaign; false when it was no member. */
    boolean delete(TenantId tenant, CampaignId campaign, RecordRef member);

    /** How many members the campaign has in each status and how many responded, as of the current transaction. */
    CampaignMemberCounts count(TenantId tenant, CampaignId campaign);
}
