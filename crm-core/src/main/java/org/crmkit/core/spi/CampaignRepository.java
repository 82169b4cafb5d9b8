package org.crmkit.core.spi;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;

/**
 * Storage port of campaigns. No argument may be null. Every method sees only the records of the given tenant.
 * Results are ordered by period start, then id (both ascending). Implementations are thread-safe; writes join the
 * current {@link Transactions transaction}.
 */
public interface CampaignRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} included)
     * answers only the campaigns whose owner is among {@link Visibility#owners()} or that are shared with one of
     * {@link Visibility#grantees()}, filtered in the query itself (pages full, totals right); everything when {@link
     * Visibility#seesEverything()}. Saves are not restricted (the use cases check changes). The view is as
     * thread-safe as this repository.
     */
    CampaignRepository visibleTo(Visibility visibility);

    /** The campaign, or empty when it does not exist for the tenant. */
    Optional<Campaign> findById(TenantId tenant, CampaignId id);

    /**
     * Stores the campaign when its version equals the stored one (0 for a new campaign) and returns the stored copy
     * with the next version; throws {@link StaleVersionException} otherwise.
     */
    Campaign save(Campaign campaign);

    /** ACTIVE campaigns whose period contains the day. */
    Page<Campaign> findActiveOn(TenantId tenant, LocalDate day, PageRequest page);

    /**
     * Campaigns of any status that have the contact or lead as a member (as the {@link CampaignMemberRepository} of
     * the same storage holds them).
     */
    Page<Campaign> findByMember(TenantId tenant, RecordRef member, PageRequest page);
}
