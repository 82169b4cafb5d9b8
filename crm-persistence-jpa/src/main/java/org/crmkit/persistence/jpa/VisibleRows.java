package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * The condition on a row {@code r} of an owned record's table that a {@link Visibility} lets through: the owner
 * among its owners (index by owner), the territory among its territories (index by territory, for tables that have
 * one), or the id among the records shared with one of its grantees, read once per statement from the grantee index
 * of {@code crm_record_share}. Only the parts with values are written, so no statement has an empty {@code in ()}.
 */
final class VisibleRows {

    private VisibleRows() {}

    /** The condition for the table, {@code territoryColumn} null when it has no territory column. */
    static RowQuery condition(Visibility visibility, String territoryColumn) {
        Require.notNull(visibility, "visibility");
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
        if (!owners.isEmpty()) {
            parts.add("r.ownerId in :visibleOwners");
        }
        if (territoryColumn != null && !territories.isEmpty()) {
            parts.add(territoryColumn + " in :visibleTerritories");
        }
        if (!grantees.isEmpty()) {
            parts.add("r.id in (select s.recordId from RecordShareRow s where s.tenantId = :tenant"
                    + " and s.granteeId in :visibleGrantees)");
        }
        RowQuery visible = RowQuery.where(parts.isEmpty() ? "1 = 0" : String.join(" or ", parts));
        if (!owners.isEmpty()) {
            visible = visible.bind("visibleOwners", owners);
        }
        if (territoryColumn != null && !territories.isEmpty()) {
            visible = visible.bind("visibleTerritories", territories);
        }
        if (!grantees.isEmpty()) {
            visible = visible.bind("visibleGrantees", grantees);
        }
        return visible;
    }
}
