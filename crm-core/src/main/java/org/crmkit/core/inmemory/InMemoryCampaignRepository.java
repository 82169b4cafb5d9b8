package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignState;
import org.crmkit.core.marketing.CampaignStatus;
import org.crmkit.core.spi.CampaignRepository;

final class InMemoryCampaignRepository implements CampaignRepository {

    private static final Comparator<CampaignState> BY_START = Comparator.comparing(
                    (CampaignState state) -> state.period().start())
            .thenComparing(state -> state.id().value());

    private final VersionedStore<CampaignState> store;
    private final InMemoryCampaignMemberRepository members;
    private final InMemoryRecordShareRepository shares;

    InMemoryCampaignRepository(
            InMemoryTransactions transactions,
            InMemoryCampaignMemberRepository members,
            InMemoryRecordShareRepository shares) {
        this.store = new VersionedStore<>("Campaign", transactions);
        this.members = members;
        this.shares = shares;
    }

    private InMemoryCampaignRepository(InMemoryCampaignRepository all, VersionedStore<CampaignState> visible) {
        this.store = visible;
        this.members = all.members;
        this.shares = all.shares;
    }

    @Override
    public CampaignRepository visibleTo(Visibility visibility) {
        return new InMemoryCampaignRepository(
                this,
                store.restrictedTo(shares.visibleTo(
                        visibility,
                        CampaignState::tenant,
                        state -> RecordRef.of(RecordType.CAMPAIGN, state.id()),
                        CampaignState::owner,
                        state -> null)));
    }

    @Override
    public Optional<Campaign> findById(TenantId tenant, CampaignId id) {
        return store.find(tenant, id).map(Campaign::restore);
    }

    @Override
    public Campaign save(Campaign campaign) {
        return Campaign.restore(store.save(campaign.state()));
    }

    @Override
    public Page<Campaign> findActiveOn(TenantId tenant, LocalDate day, PageRequest page) {
        return Page.of(
                        store.query(
                                tenant,
                                state -> state.status() == CampaignStatus.ACTIVE
                                        && state.period().contains(day),
                                BY_START),
                        page)
                .map(Campaign::restore);
    }

    @Override
    public Page<Campaign> findByMember(TenantId tenant, RecordRef member, PageRequest page) {
        List<UUID> campaigns = members.findByMember(tenant, member).stream()
                .map(membership -> membership.campaign().value())
                .toList();
        var matches = store.findAll(tenant, campaigns).stream().sorted(BY_START).toList();
        return Page.of(matches, page).map(Campaign::restore);
    }
}
