package org.crmkit.core.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.DealTotal;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.spi.OpportunityRepository;

final class InMemoryOpportunityRepository implements OpportunityRepository {

    private static final Comparator<OpportunityState> BY_CLOSE_DATE = Comparator.comparing(
                    OpportunityState::expectedCloseDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.id().value());

    private final InMemoryTransactions transactions;
    private final VersionedStore<OpportunityState> store;
    private final InMemoryExternalRefs<OpportunityState> byExternalRef;
    private final InMemoryIndex<OpportunityState> byOwner;
    private final InMemoryIndex<OpportunityState> byAccount;
    private final InMemoryIndex<OpportunityState> byStage;
    private final InMemoryRangeIndex<OpportunityState, LocalDate> openByCloseDate;
    private final InMemoryRangeIndex<OpportunityState, Instant> wonByCloseTime;
    private final InMemoryRangeIndex<OpportunityState, Instant> closedByCloseTime;

    private final InMemoryRecordShareRepository shares;

    InMemoryOpportunityRepository(InMemoryTransactions transactions, InMemoryRecordShareRepository shares) {
        this.transactions = transactions;
        this.shares = shares;
        this.store = new VersionedStore<>("Opportunity", transactions);
        this.byExternalRef = new InMemoryExternalRefs<>("Opportunity", store, OpportunityState::externalRefs);
        this.byOwner = store.index(InMemoryIndex.single(OpportunityState::owner));
        this.byAccount = store.index(InMemoryIndex.single(OpportunityState::account));
        this.byStage = store.index(InMemoryIndex.single(OpportunityState::stage));
        this.openByCloseDate = store.index(new InMemoryRangeIndex<>(
                state -> state.status() == OpportunityStatus.OPEN ? state.expectedCloseDate() : null));
        this.wonByCloseTime = store.index(
                new InMemoryRangeIndex<>(state -> state.status() == OpportunityStatus.WON ? state.closedAt() : null));
        this.closedByCloseTime = store.index(
                new InMemoryRangeIndex<>(state -> state.status() == OpportunityStatus.OPEN ? null : state.closedAt()));
    }

    private InMemoryOpportunityRepository(InMemoryOpportunityRepository all, VersionedStore<OpportunityState> visible) {
        this.transactions = all.transactions;
        this.store = visible;
        this.byExternalRef = all.byExternalRef;
        this.byOwner = all.byOwner;
        this.byAccount = all.byAccount;
        this.byStage = all.byStage;
        this.openByCloseDate = all.openByCloseDate;
        this.wonByCloseTime = all.wonByCloseTime;
        this.closedByCloseTime = all.closedByCloseTime;
        this.shares = all.shares;
    }

    @Override
    public OpportunityRepository visibleTo(Visibility visibility) {
        return new InMemoryOpportunityRepository(
                this,
                store.restrictedTo(shares.visibleTo(
                        visibility,
                        OpportunityState::tenant,
                        state -> RecordRef.opportunity(state.id()),
                        OpportunityState::owner,
                        state -> null)));
    }

    @Override
    public Optional<Opportunity> findById(TenantId tenant, OpportunityId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(Opportunity::restore);
    }

    @Override
    public Optional<Opportunity> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return byExternalRef.find(tenant, ref).filter(store::isVisible).map(Opportunity::restore);
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        return Opportunity.restore(
                store.save(Require.notNull(opportunity, "opportunity").state()));
    }

    @Override
    public Page<Opportunity> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return paged(lookup(tenant, byOwner, Require.notNull(owner, "owner"), BY_CLOSE_DATE), page);
    }

    @Override
    public List<Opportunity> findByAccount(TenantId tenant, AccountId account) {
        Comparator<OpportunityState> byCreation =
                Comparator.comparing(OpportunityState::createdAt).thenComparing(s -> s.id().value());
        return lookup(tenant, byAccount, Require.notNull(account, "account"), byCreation).stream()
                .map(Opportunity::restore)
                .toList();
    }

    @Override
    public Page<Opportunity> findOpenInPipeline(TenantId tenant, PipelineId pipeline, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(pipeline, "pipeline");
        return paged(
                store.query(
                        tenant,
                        s -> s.status() == OpportunityStatus.OPEN
                                && s.pipeline().equals(pipeline),
                        BY_CLOSE_DATE),
                page);
    }

    @Override
    public Page<Opportunity> findClosingBetween(TenantId tenant, LocalDate from, LocalDate to, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        return paged(
                store.query(
                        tenant,
                        s -> s.status() == OpportunityStatus.OPEN
                                && s.expectedCloseDate() != null
                                && !s.expectedCloseDate().isBefore(from)
                                && !s.expectedCloseDate().isAfter(to),
                        BY_CLOSE_DATE),
                page);
    }

    @Override
    public Page<Opportunity> findByStage(TenantId tenant, StageId stage, PageRequest page) {
        return paged(lookup(tenant, byStage, Require.notNull(stage, "stage"), BY_CLOSE_DATE), page);
    }

    @Override
    public Page<Opportunity> findClosedInPipeline(
            TenantId tenant, PipelineId pipeline, Instant from, Instant to, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(pipeline, "pipeline");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Comparator<OpportunityState> byCloseTime =
                Comparator.comparing(OpportunityState::closedAt).thenComparing(s -> s.id().value());
        return transactions.read(() -> paged(
                store.findAll(tenant, closedByCloseTime.between(tenant, from, true, to, false)).stream()
                        .filter(deal -> deal.pipeline().equals(pipeline))
                        .sorted(byCloseTime)
                        .toList(),
                page));
    }

    @Override
    public List<DealTotal> forecastTotals(
            TenantId tenant, LocalDate from, LocalDate to, Instant wonFrom, Instant wonTo) {
        Require.notNull(tenant, "tenant");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.notNull(wonFrom, "wonFrom");
        Require.notNull(wonTo, "wonTo");
        return transactions.read(() -> {
            List<UUID> ids = new ArrayList<>(openByCloseDate.between(tenant, from, true, to, true));
            ids.addAll(wonByCloseTime.between(tenant, wonFrom, true, wonTo, false));
            Map<List<Object>, DealTotal> totals = new HashMap<>();
            for (OpportunityState deal : store.findAll(tenant, ids)) {
                if (deal.amount() != null) {
                    DealTotal one = new DealTotal(
                            deal.pipeline(),
                            deal.stage(),
                            deal.owner(),
                            deal.status(),
                            deal.currency(),
                            deal.probabilityOverride(),
                            1,
                            deal.amount().amount());
                    totals.merge(groupOf(one), one, InMemoryOpportunityRepository::sum);
                }
            }
            return List.copyOf(totals.values());
        });
    }

    /** What a forecast's deals are grouped by (a list, since the probability override may be null). */
    private static List<Object> groupOf(DealTotal total) {
        return Arrays.asList(
                total.pipeline(),
                total.stage(),
                total.owner(),
                total.status(),
                total.currency(),
                total.probabilityOverride());
    }

    private static DealTotal sum(DealTotal one, DealTotal other) {
        return new DealTotal(
                one.pipeline(),
                one.stage(),
                one.owner(),
                one.status(),
                one.currency(),
                one.probabilityOverride(),
                one.deals() + other.deals(),
                one.amount().add(other.amount()));
    }

    private List<OpportunityState> lookup(
            TenantId tenant, InMemoryIndex<OpportunityState> index, Object key, Comparator<OpportunityState> order) {
        Require.notNull(tenant, "tenant");
        return transactions.read(() -> store.findAll(tenant, index.lookup(tenant, key)).stream()
                .sorted(order)
                .toList());
    }

    private static Page<Opportunity> paged(List<OpportunityState> states, PageRequest page) {
        return Page.of(states, Require.notNull(page, "page")).map(Opportunity::restore);
    }
}
