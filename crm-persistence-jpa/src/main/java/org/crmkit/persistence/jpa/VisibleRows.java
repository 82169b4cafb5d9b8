package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * The condition on a row {@code r} of an owned record's table that a {@link Visibility} lets through: the owner
 * among its owners (index by owner), the territory among its territories (index by territory, for tables that have
 * one), or the id among the records shared with one of its grantees. The shared ids are read first, through the
 * grantee index of {@code crm_record_share}, and bound as a list, so that PostgreSQL can combine the three index
 * scans (a bitmap OR) when it counts; beyond {@value #MOST_SHARED_IDS} of them the condition reads them in a
 * subquery instead. Only the parts with values are written, so no statement has an empty {@code in ()}.
 */
final class VisibleRows {

    /** How many shared ids are bound as a list at most. */
    static final int MOST_SHARED_IDS = 1000;

    private final Visibility visibility;
    private final String territoryColumn;

    /** {@code territoryColumn} is null for a table without a territory column. */
    VisibleRows(Visibility visibility, String territoryColumn) {
        this.visibility = Require.notNull(visibility, "visibility");
        this.territoryColumn = territoryColumn;
    }

    /** The condition for a statement of the tenant, with the user's shared ids read now. */
    RowQuery condition(EntityManager entityManager, TenantId tenant) {
        if (visibility.seesEverything()) {
            return RowQuery.all();
        }
        List<String> parts = new ArrayList<>();
        List<UUID> owners =
                visibility.owners().stream().map(UserId::value).sorted().toList();
        List<UUID> territories = visibility.territories().stream()
                .map(TerritoryId::value)
                .sorted()
                .toList();
        List<UUID> grantees = visibility.grantees().stream().sorted().toList();
        List<UUID> shared = grantees.isEmpty() ? List.of() : sharedIds(entityManager, tenant, grantees);
        if (!owners.isEmpty()) {
            parts.add("r.ownerId in :visibleOwners");
        }
        if (territoryColumn != null && !territories.isEmpty()) {
            parts.add(territoryColumn + " in :visibleTerritories");
        }
        if (shared.size() > MOST_SHARED_IDS) {
            parts.add("r.id in (select s.recordId from RecordShareRow s where s.tenantId = :tenant"
                    + " and s.granteeId in :visibleGrantees)");
        } else if (!shared.isEmpty()) {
            parts.add("r.id in :visibleShared");
        }
        RowQuery visible = RowQuery.where(parts.isEmpty() ? "1 = 0" : String.join(" or ", parts));
        if (!owners.isEmpty()) {
            visible = visible.bind("visibleOwners", owners);
        }
        if (territoryColumn != null && !territories.isEmpty()) {
            visible = visible.bind("visibleTerritories", territories);
        }
        if (shared.size() > MOST_SHARED_IDS) {
            visible = visible.bind("visibleGrantees", grantees);
        } else if (!shared.isEmpty()) {
            visible = visible.bind("visibleShared", shared);
        }
        return visible;
    }

    /** The ids shared with the grantees, at most one more than {@link #MOST_SHARED_IDS}. */
    private static List<UUID> sharedIds(EntityManager entityManager, TenantId tenant, List<UUID> grantees) {
        return JpaTransactions.withoutAutoFlush(entityManager.createQuery(
                        "select distinct s.recordId from RecordShareRow s where s.tenantId = :tenant"
                                + " and s.granteeId in :grantees",
                        UUID.class))
                .setParameter("tenant", tenant.value())
                .setParameter("grantees", grantees)
                .setMaxResults(MOST_SHARED_IDS + 1)
                .getResultList();
    }
}
