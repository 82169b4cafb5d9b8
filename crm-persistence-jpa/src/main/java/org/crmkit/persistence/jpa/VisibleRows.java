package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * The condition on a row {@code r} of an owned record's table that a {@link Visibility} lets through: the owner
 * among its owners (index by owner), the territory among its territories (index by territory, for tables that have
 * one), or the id among the records shared with one of its grantees. A statement that reads rows (a page, a lookup)
 * reads the shared ids in a subquery, which PostgreSQL runs once per statement and probes as a hash, so that a page
 * is one statement. A count reads the shared ids first, through the grantee index of {@code crm_record_share}, and
 * binds them as a list, so that PostgreSQL can combine the three index scans (a bitmap OR) instead of reading the
 * whole table; beyond {@value #MOST_SHARED_IDS} of them it uses the subquery too. Only the parts with values are
 * written, so no statement has an empty {@code in ()}; owners, territories and grantees are bound one parameter
 * each, so that Hibernate keeps the statement's translation (see {@link #among}).
 */
final class VisibleRows implements RowFilter {

    /** How many shared ids are bound as a list at most. */
    static final int MOST_SHARED_IDS = 1000;

    private final Visibility visibility;
    private final String territoryAttribute;

    /** {@code territoryAttribute} (e.g. {@code territoryId}) is null for a table without a territory column. */
    VisibleRows(Visibility visibility, String territoryAttribute) {
        this.visibility = Require.notNull(visibility, "visibility");
        this.territoryAttribute = territoryAttribute;
    }

    @Override
    public RowQuery condition(EntityManager entityManager, TenantId tenant, boolean counting) {
        if (visibility.seesEverything()) {
            return RowQuery.all();
        }
        Grants grants = Grants.read(visibility, entityManager, tenant, counting);
        return grants.bindTo(RowQuery.where(grants.on("r", territoryAttribute)));
    }

    /**
     * The condition that the attribute is one of the values, each bound as a parameter of its own ({@code name0},
     * {@code name1}, ..., put into {@code parameters}): Hibernate translates a statement with a parameter bound to a
     * list anew on every execution, but keeps the translation of one with single values, which the few values of a
     * user's visibility allow.
     */
    static String among(String attribute, String name, List<UUID> values, Map<String, Object> parameters) {
        List<String> placeholders = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            placeholders.add(":" + name + i);
            parameters.put(name + i, values.get(i));
        }
        return attribute + " in (" + String.join(", ", placeholders) + ")";
    }

    /**
     * What a visibility grants, read for one statement: the condition on an owned record's row under any alias, and
     * the parameters of the conditions written so far. Not thread-safe; one per statement.
     */
    static final class Grants {

        private final List<UUID> owners;
        private final List<UUID> territories;
        private final List<UUID> grantees;
        /** The ids shared with the grantees as read for a count; null when not read (the subquery reads them). */
        private final List<UUID> shared;

        private final Map<String, Object> used = new LinkedHashMap<>();

        private Grants(List<UUID> owners, List<UUID> territories, List<UUID> grantees, List<UUID> shared) {
            this.owners = owners;
            this.territories = territories;
            this.grantees = grantees;
            this.shared = shared;
        }

        /**
         * The grants of the visibility; for a count ({@code counting}), with the ids of the records shared with its
         * grantees read now.
         */
        static Grants read(Visibility visibility, EntityManager entityManager, TenantId tenant, boolean counting) {
            List<UUID> grantees = visibility.grantees().stream().sorted().toList();
            return new Grants(
                    visibility.owners().stream().map(UserId::value).sorted().toList(),
                    visibility.territories().stream()
                            .map(TerritoryId::value)
                            .sorted()
                            .toList(),
                    grantees,
                    grantees.isEmpty() || !counting ? null : sharedIds(entityManager, tenant, grantees));
        }

        /**
         * The condition that the owned record of row {@code alias} is visible; {@code territoryAttribute} null for
         * a table without territories. "1 = 0" when nothing is granted.
         */
        String on(String alias, String territoryAttribute) {
            List<String> parts = new ArrayList<>();
            if (!owners.isEmpty()) {
                parts.add(among(alias + ".ownerId", "visibleOwner", owners));
            }
            if (territoryAttribute != null && !territories.isEmpty()) {
                parts.add(among(alias + "." + territoryAttribute, "visibleTerritory", territories));
            }
            boolean sharedAsList = shared != null && shared.size() <= MOST_SHARED_IDS;
            if (!grantees.isEmpty() && !sharedAsList) {
                parts.add(alias + ".id in (select s.recordId from RecordShareRow s where s.tenantId = :tenant and "
                        + among("s.granteeId", "visibleGrantee", grantees) + ")");
            } else if (sharedAsList && !shared.isEmpty()) {
                parts.add(alias + ".id in :visibleShared");
                used.put("visibleShared", shared);
            }
            return parts.isEmpty() ? "1 = 0" : String.join(" or ", parts);
        }

        /** The condition that the value of {@code attribute} (e.g. {@code r.assigneeId}) is a visible owner. */
        String ownerIs(String attribute) {
            return owners.isEmpty() ? "1 = 0" : among(attribute, "visibleOwner", owners);
        }

        private String among(String attribute, String name, List<UUID> values) {
            return VisibleRows.among(attribute, name, values, used);
        }

        /** The query with the parameters of every condition written so far bound. */
        RowQuery bindTo(RowQuery query) {
            RowQuery bound = query;
            for (Map.Entry<String, Object> parameter : used.entrySet()) {
                bound = bound.bind(parameter.getKey(), parameter.getValue());
            }
            return bound;
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
}
