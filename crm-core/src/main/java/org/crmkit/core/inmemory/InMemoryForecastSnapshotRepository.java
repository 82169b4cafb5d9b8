package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.ForecastSnapshotState;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.spi.ForecastSnapshotRepository;

final class InMemoryForecastSnapshotRepository implements ForecastSnapshotRepository {

    private static final Comparator<ForecastSnapshotState> BY_TIME =
            Comparator.comparing(ForecastSnapshotState::takenAt).thenComparing(s -> s.id().value());

    private final VersionedStore<ForecastSnapshotState> store;

    InMemoryForecastSnapshotRepository(InMemoryTransactions transactions) {
        this.store = new VersionedStore<>("ForecastSnapshot", transactions);
    }

    private InMemoryForecastSnapshotRepository(VersionedStore<ForecastSnapshotState> visible) {
        this.store = visible;
    }

    @Override
    public ForecastSnapshotRepository visibleTo(Visibility visibility) {
        Require.notNull(visibility, "visibility");
        return new InMemoryForecastSnapshotRepository(store.restrictedTo(state -> visibility.readsFiguresOf(
                state.forecast().scope().owner(), state.forecast().scope().team())));
    }

    @Override
    public Optional<ForecastSnapshot> findById(TenantId tenant, ForecastSnapshotId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(ForecastSnapshot::restore);
    }

    @Override
    public ForecastSnapshot save(ForecastSnapshot snapshot) {
        return ForecastSnapshot.restore(
                store.save(Require.notNull(snapshot, "snapshot").state()));
    }

    @Override
    public List<ForecastSnapshot> findFor(TenantId tenant, ForecastScope scope, QuotaPeriod period) {
        Require.notNull(tenant, "tenant");
        Require.notNull(scope, "scope");
        Require.notNull(period, "period");
        return store
                .query(
                        tenant,
                        s -> s.forecast().scope().equals(scope)
                                && s.forecast().period().equals(period),
                        BY_TIME)
                .stream()
                .map(ForecastSnapshot::restore)
                .toList();
    }
}
