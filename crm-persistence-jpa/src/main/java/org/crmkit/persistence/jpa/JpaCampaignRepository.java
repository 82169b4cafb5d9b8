package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignState;
import org.crmkit.core.marketing.CampaignStatus;
import org.crmkit.core.spi.CampaignRepository;

/**
 * Campaigns in {@code crm_campaign} (see {@link CampaignMapping}); the campaigns of a member through its rows in
 * {@code crm_campaign_member}. A {@link #visibleTo} view adds the owner's and the shares' condition ({@link
 * VisibleRows}) to each statement.
 */
final class JpaCampaignRepository implements CampaignRepository {

    private final StoredAggregates<Campaign, CampaignState, CampaignRow> campaigns;
    private final AggregateTable<CampaignState, CampaignRow> table;

    JpaCampaignRepository(AggregateTable<CampaignState, CampaignRow> table) {
        this.table = table;
        this.campaigns = new StoredAggregates<>(table, Campaign::state, Campaign::restore, "campaign");
    }

    @Override
    public CampaignRepository visibleTo(Visibility visibility) {
        return new JpaCampaignRepository(table.restrictedTo(new VisibleRows(visibility, null)));
    }

    @Override
    public Optional<Campaign> findById(TenantId tenant, CampaignId id) {
        return campaigns.findById(tenant, id);
    }

    @Override
    public Campaign save(Campaign campaign) {
        return campaigns.save(campaign);
    }

    @Override
    public Page<Campaign> findActiveOn(TenantId tenant, LocalDate day, PageRequest page) {
        return campaigns.page(
                tenant,
                RowQuery.where("r.status = :active and r.periodStart <= :day and r.periodEnd >= :day")
                        .bind("active", CampaignStatus.ACTIVE.name())
                        .bind("day", Require.notNull(day, "day"))
                        .orderBy(CampaignMapping.START_ORDER),
                page);
    }

    @Override
    public Page<Campaign> findByMember(TenantId tenant, RecordRef member, PageRequest page) {
        return campaigns.page(
                tenant,
                RowQuery.where("r.id in (select m.campaignId from CampaignMemberRow m where m.tenantId = :tenant"
                                + " and m.memberId = :memberId and m.memberType = :memberType)")
                        .bind("memberId", Require.notNull(member, "member").id())
                        .bind("memberType", member.type().name())
                        .orderBy(CampaignMapping.START_ORDER),
                page);
    }
}
