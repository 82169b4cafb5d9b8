package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.TenantId;
import org.hibernate.jpa.HibernateHints;

/**
 * The key lookups of one {@link AggregateTable}: its states found through their lookup keys (one value, or many
 * values at once), its states among many values of a column, and the holders of unique keys. Reads as the table
 * reads, restricted as it is.
 */
final class AggregateLookups<S extends AggregateState<S>, R extends AggregateRow> {

    /** Key values and record ids per statement of the reads by many values. */
    private static final IdParameters VALUES = new IdParameters(100);

    private static final String WITH_IDS = "r.id in (" + VALUES.placeholders() + ")";
    private static final String IDS_WITH_KEYS = "select k.recordId from LookupRow k where k.tenantId = :tenant"
            + " and k.name = :keyName and k.value in (" + VALUES.placeholders() + ")";
    private static final String HOLDERS_OF_KEYS = "select k.value, k.recordId from LookupRow k"
            + " where k.tenantId = :tenant and k.name = :keyName and k.value in (" + VALUES.placeholders() + ")";

    private final AggregateTable<S, R> table;
    private final JpaTransactions transactions;
    private final Class<R> rowType;
    private final String entityName;

    AggregateLookups(AggregateTable<S, R> table, JpaTransactions transactions, Class<R> rowType) {
        this.table = table;
        this.transactions = transactions;
        this.rowType = rowType;
        this.entityName = rowType.getSimpleName();
    }

    /**
     * The tenant's states that have a lookup key that few records share (an email, a phone, an external reference),
     * in id order, read in two statements: the record ids from the key index, then the rows by primary key. In one
     * statement (the rows whose id is among the key's records) PostgreSQL chose the plan from the tables'
     * statistics, and on tables filled since their last ANALYZE (an initial import) it chose to read the tenant's
     * rows and probe the keys of each, so that every lookup took longer as the import went on.
     */
    List<S> listWithKey(TenantId tenant, String keyName, String keyValue) {
        return transactions.read(entityManager -> {
            List<UUID> ids = JpaTransactions.withoutAutoFlush(entityManager.createQuery(
                            "select k.recordId from LookupRow k where k.tenantId = :tenant"
                                    + " and k.name = :keyName and k.value = :keyValue",
                            UUID.class))
                    .setParameter("tenant", tenant.value())
                    .setParameter("keyName", keyName)
                    .setParameter("keyValue", keyValue)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.<S>of();
            }
            return table
                    .rows(entityManager, tenant, RowQuery.where("r.id in :ids").bind("ids", ids))
                    .getResultList()
                    .stream()
                    .map(table::state)
                    .toList();
        });
    }

    /**
     * The tenant's states that have the lookup key with one of the values, each once, in id order per hundred
     * records: as {@link #listWithKey} for many values, in two statements per hundred values (the record ids from the
     * key index, then the rows by primary key, the second left out when no record has the keys).
     */
    List<S> listWithKeys(TenantId tenant, String keyName, Collection<String> keyValues) {
        if (keyValues.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = transactions.read(entityManager -> VALUES.readAll(
                List.copyOf(keyValues),
                () -> entityManager
                        .createQuery(IDS_WITH_KEYS, UUID.class)
                        .setParameter("tenant", tenant.value())
                        .setParameter("keyName", keyName)));
        return listAmong(tenant, VALUES, WITH_IDS, ids, "r.id");
    }

    /**
     * The tenant's states that match a condition on many values at once, such as {@code r.id in (...)} with the
     * placeholders of {@code among}: one statement per chunk of the distinct values (see {@link IdParameters}),
     * each chunk's rows in {@code order}. The condition and order are constants of the caller, so that Hibernate
     * translates the statement once. The rows are loaded read-only: the unit of work keeps no copy of them to
     * compare at each flush (a dunning chunk reads thousands of invoices it never changes); a save of one of them
     * makes it writable first (see {@link AggregateTable#save}).
     */
    List<S> listAmong(TenantId tenant, IdParameters among, String condition, List<?> values, String order) {
        if (values.isEmpty()) {
            return List.of();
        }
        return transactions.read(entityManager -> {
            RowQuery scoped = table.scoped(entityManager, tenant, RowQuery.where(condition), false);
            String statement = "select r from " + entityName + " r where r.tenantId = :tenant and ("
                    + scoped.condition() + ") order by " + order;
            List<R> rows = among.readAll(
                    values,
                    () -> AggregateTable.bind(entityManager.createQuery(statement, rowType), tenant, scoped)
                            .setHint(HibernateHints.HINT_READ_ONLY, true));
            return rows.stream().map(table::state).toList();
        });
    }

    /**
     * The ids among {@code ids} of the tenant's records, as {@link #listAmong} with {@code r.id in (...)} would find
     * them (restricted as the table is), read from the ids alone: one statement per hundred ids, no document read.
     */
    Set<UUID> idsAmong(TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return transactions.read(entityManager -> {
            RowQuery scoped = table.scoped(entityManager, tenant, RowQuery.where(WITH_IDS), false);
            String statement =
                    "select r.id from " + entityName + " r where r.tenantId = :tenant and (" + scoped.condition() + ")";
            return new HashSet<>(VALUES.readAll(
                    List.copyOf(ids),
                    () -> AggregateTable.bind(entityManager.createQuery(statement, UUID.class), tenant, scoped)));
        });
    }

    /** The records of the tenant that hold the key (a unique one: at most one, or two written concurrently). */
    List<UUID> holders(EntityManager entityManager, String tenant, LookupKey key) {
        return JpaTransactions.withoutAutoFlush(entityManager.createQuery(
                        "select k.recordId from LookupRow k where k.tenantId = :tenant and k.name = :keyName"
                                + " and k.value = :value",
                        UUID.class))
                .setParameter("tenant", tenant)
                .setParameter("keyName", key.name())
                .setParameter("value", key.value())
                .getResultList();
    }

    /** The holders of the keys per tenant, read in one statement per key name and hundred values of a tenant. */
    TakenKeys taken(EntityManager entityManager, Map<String, Set<LookupKey>> keysByTenant) {
        Map<String, Map<LookupKey, List<UUID>>> byTenant = new HashMap<>();
        keysByTenant.forEach((tenant, keys) -> {
            Map<String, List<String>> valuesByName = new LinkedHashMap<>();
            keys.forEach(key -> valuesByName
                    .computeIfAbsent(key.name(), name -> new ArrayList<>())
                    .add(key.value()));
            Map<LookupKey, List<UUID>> holders = new HashMap<>();
            valuesByName.forEach((name, values) -> {
                List<Object[]> held = VALUES.readAll(
                        values,
                        () -> entityManager
                                .createQuery(HOLDERS_OF_KEYS, Object[].class)
                                .setParameter("tenant", tenant)
                                .setParameter("keyName", name));
                for (Object[] holder : held) {
                    holders.computeIfAbsent(LookupKey.of(name, holder[0]), key -> new ArrayList<>())
                            .add((UUID) holder[1]);
                }
            });
            byTenant.put(tenant, holders);
        });
        return new TakenKeys(byTenant);
    }
}
