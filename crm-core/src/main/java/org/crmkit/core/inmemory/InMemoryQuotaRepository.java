package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.QuotaState;
import org.crmkit.core.spi.QuotaRepository;

final class InMemoryQuotaRepository implements QuotaRepository {

    private static final Comparator<QuotaState> BY_PERIOD = Comparator.comparing(
                    (QuotaState s) -> s.period().first())
            .thenComparing(s -> s.period().last())
            .thenComparing(s -> s.id().value());

    private final InMemoryTransactions transactions;
    private final VersionedStore<QuotaState> store;
    private final InMemoryIndex<QuotaState> byHolder;

    InMemoryQuotaRepository(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.store = new VersionedStore<>("Quota", transactions);
        this.byHolder = store.index(InMemoryIndex.single(QuotaState::holder));
    }

    private InMemoryQuotaRepository(InMemoryQuotaRepository all, VersionedStore<QuotaState> visible) {
        this.transactions = all.transactions;
        this.store = visible;
        this.byHolder = all.byHolder;
    }

    @Override
    public QuotaRepository visibleTo(Visibility visibility) {
        Require.notNull(visibility, "visibility");
        return new InMemoryQuotaRepository(
                this,
                store.restrictedTo(state -> visibility.readsFiguresOf(
                        state.holder().user(), state.holder().team())));
    }

    @Override
    public Optional<Quota> findById(TenantId tenant, QuotaId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(Quota::restore);
    }

    @Override
    public Quota save(Quota quota) {
        return Quota.restore(store.save(Require.notNull(quota, "quota").state()));
    }

    @Override
    public Optional<Quota> findFor(TenantId tenant, QuotaHolder holder, QuotaPeriod period) {
        Require.notNull(period, "period");
        return findByHolder(tenant, holder).stream()
                .filter(q -> q.period().equals(period))
                .findFirst();
    }

    @Override
    public List<Quota> findByHolder(TenantId tenant, QuotaHolder holder) {
        Require.notNull(tenant, "tenant");
        Require.notNull(holder, "holder");
        return transactions.read(() -> store.findAll(tenant, byHolder.lookup(tenant, holder)).stream()
                .sorted(BY_PERIOD)
                .map(Quota::restore)
                .toList());
    }

    @Override
    public List<Quota> findOverlapping(TenantId tenant, QuotaPeriod period) {
        Require.notNull(tenant, "tenant");
        Require.notNull(period, "period");
        return store.query(tenant, s -> s.period().overlaps(period), BY_PERIOD).stream()
                .map(Quota::restore)
                .toList();
    }
}
