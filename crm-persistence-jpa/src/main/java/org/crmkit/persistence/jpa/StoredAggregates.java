package org.crmkit.persistence.jpa;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * An {@link AggregateTable} seen in aggregates rather than state records, with the argument checks every
 * repository port asks for. A repository keeps one and answers each port method with one call.
 */
final class StoredAggregates<A extends AggregateRoot<?>, S extends AggregateState<S>, R extends AggregateRow> {

    private static final IdParameters IDS = new IdParameters(100);
    private static final String WITH_IDS = "r.id in (" + IDS.placeholders() + ")";

    private final AggregateTable<S, R> table;
    private final Function<A, S> state;
    private final Function<S, A> restore;
    private final String argumentName;

    /** {@code argumentName} names the aggregate argument in errors, e.g. {@code contact}. */
    StoredAggregates(AggregateTable<S, R> table, Function<A, S> state, Function<S, A> restore, String argumentName) {
        this.table = table;
        this.state = state;
        this.restore = restore;
        this.argumentName = argumentName;
    }

    /** The tenant's aggregates among the ids, in no particular order: one statement per 100 ids. */
    List<A> findByIds(TenantId tenant, Collection<? extends EntityId> ids) {
        return listAmong(
                tenant,
                IDS,
                WITH_IDS,
                Require.noNulls(ids, "ids").stream().map(EntityId::value).toList(),
                "r.id");
    }

    /** The ids among {@code ids} of the tenant's aggregates, read without their documents. */
    <I extends EntityId> Set<I> existingIds(TenantId tenant, Collection<I> ids) {
        Map<UUID, I> byValue = new HashMap<>();
        Require.noNulls(ids, "ids").forEach(id -> byValue.put(id.value(), id));
        return table.lookups().idsAmong(Require.notNull(tenant, "tenant"), byValue.keySet()).stream()
                .map(byValue::get)
                .collect(Collectors.toSet());
    }

    Optional<A> findById(TenantId tenant, EntityId id) {
        return table.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(restore);
    }

    A save(A aggregate) {
        return restore.apply(table.save(state.apply(Require.notNull(aggregate, argumentName))));
    }

    /** Saves as {@link #save} does, refused when its unique value is another record's. */
    A saveUnique(A aggregate, UniqueValue<S> unique) {
        S toSave = state.apply(Require.notNull(aggregate, argumentName));
        unique.refuseTaken(List.of(toSave), table);
        return restore.apply(table.save(toSave));
    }

    /** Saves as {@link #saveAll} does, refused when a unique value is taken (see {@link UniqueValue}); nothing is saved then. */
    List<A> saveAllUnique(List<A> aggregates, UniqueValue<S> unique) {
        List<S> states = Require.noNulls(aggregates, argumentName + "s").stream()
                .map(state)
                .toList();
        unique.refuseTaken(states, table);
        return table.saveAll(states).stream().map(restore).toList();
    }

    List<A> saveAll(List<A> aggregates) {
        return table
                .saveAll(Require.noNulls(aggregates, argumentName + "s").stream()
                        .map(state)
                        .toList())
                .stream()
                .map(restore)
                .toList();
    }

    boolean delete(TenantId tenant, EntityId id, long expectedVersion) {
        return table.delete(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"), expectedVersion);
    }

    /** Every match of the tenant in the query's order. */
    List<A> list(TenantId tenant, RowQuery query) {
        return table.list(Require.notNull(tenant, "tenant"), query).stream()
                .map(restore)
                .toList();
    }

    /** The tenant's records with a lookup key few records share (see {@link AggregateLookups#listWithKey}). */
    List<A> listWithKey(TenantId tenant, String keyName, Object keyValue) {
        return table.lookups().listWithKey(Require.notNull(tenant, "tenant"), keyName, keyValue.toString()).stream()
                .map(restore)
                .toList();
    }

    /** The tenant's records with the lookup key and one of the values (see {@link AggregateLookups#listWithKeys}). */
    List<A> listWithKeys(TenantId tenant, String keyName, Collection<?> keyValues) {
        List<String> values = keyValues.stream().map(Object::toString).toList();
        return table.lookups().listWithKeys(Require.notNull(tenant, "tenant"), keyName, values).stream()
                .map(restore)
                .toList();
    }

    /** The tenant's matches of a condition on many values (see {@link AggregateLookups#listAmong}). */
    List<A> listAmong(TenantId tenant, IdParameters among, String condition, Collection<?> values, String order) {
        return table
                .lookups()
                .listAmong(Require.notNull(tenant, "tenant"), among, condition, List.copyOf(values), order)
                .stream()
                .map(restore)
                .toList();
    }

    /** The first {@code limit} matches of the tenant in the query's order (for keyset paging). */
    List<A> first(TenantId tenant, RowQuery query, int limit) {
        return table.first(Require.notNull(tenant, "tenant"), query, limit).stream()
                .map(restore)
                .toList();
    }

    /** One page of the tenant's matches in the query's order. */
    Page<A> page(TenantId tenant, RowQuery query, PageRequest page) {
        return table.page(Require.notNull(tenant, "tenant"), query, Require.notNull(page, "page"))
                .map(restore);
    }
}
