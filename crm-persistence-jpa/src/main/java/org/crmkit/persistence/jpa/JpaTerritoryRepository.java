package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TerritoryRepository;

/** Territories in {@code crm_territory} (see {@link TerritoryMapping}). */
final class JpaTerritoryRepository implements TerritoryRepository {

    private final StoredAggregates<Territory, TerritoryState, TerritoryRow> territories;

    JpaTerritoryRepository(AggregateTable<TerritoryState, TerritoryRow> table) {
        this.territories = new StoredAggregates<>(table, Territory::state, Territory::restore, "territory");
    }

    @Override
    public Optional<Territory> findById(TenantId tenant, TerritoryId id) {
        return territories.findById(tenant, id);
    }

    @Override
    public Territory save(Territory territory) {
        return territories.save(territory);
    }

    @Override
    public List<Territory> findAllByPriority(TenantId tenant) {
        return territories.list(tenant, RowQuery.all().orderBy(TerritoryMapping.PRIORITY_ORDER));
    }

    @Override
    public List<Territory> findByMember(TenantId tenant, UserId user) {
        return territories.list(
                tenant,
                RowQuery.withKey(
                                TerritoryMapping.MEMBER,
                                Require.notNull(user, "user").value())
                        .orderBy(TerritoryMapping.PRIORITY_ORDER));
    }
}
