package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TerritoryRepository;

/** Territories in memory, indexed by member. */
final class InMemoryTerritoryRepository implements TerritoryRepository {

    private static final Comparator<TerritoryState> BY_PRIORITY = Comparator.comparingInt(TerritoryState::priority)
            .thenComparing(state -> state.name().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.id().value());

    private final VersionedStore<TerritoryState> store;
    private final InMemoryIndex<TerritoryState> byMember;

    InMemoryTerritoryRepository(InMemoryTransactions transactions) {
        store = new VersionedStore<>("Territory", transactions);
        byMember = store.index(new InMemoryIndex<>(TerritoryState::members));
    }

    @Override
    public Optional<Territory> findById(TenantId tenant, TerritoryId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(Territory::restore);
    }

    @Override
    public Territory save(Territory territory) {
        return Territory.restore(
                store.save(Require.notNull(territory, "territory").state()));
    }

    @Override
    public List<Territory> findAllByPriority(TenantId tenant) {
        return store.query(Require.notNull(tenant, "tenant"), state -> true, BY_PRIORITY).stream()
                .map(Territory::restore)
                .toList();
    }

    @Override
    public List<Territory> findByMember(TenantId tenant, UserId user) {
        Require.notNull(tenant, "tenant");
        return store.findAll(tenant, byMember.lookup(tenant, Require.notNull(user, "user"))).stream()
                .sorted(BY_PRIORITY)
                .map(Territory::restore)
                .toList();
    }
}
