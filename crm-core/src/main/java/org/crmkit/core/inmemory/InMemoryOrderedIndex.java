package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.TenantId;

/**
 * The records of a tenant that pass a filter, kept sorted (ties broken by id), so that a query in that order reads
 * only the head of the index instead of scanning and sorting the whole store: the overdue list of dunning reads the
 * open invoices by due date this way.
 */
final class InMemoryOrderedIndex<S extends AggregateState<S>> implements StoreIndex<S> {

    private final Predicate<S> filter;
    private final Comparator<S> order;
    private final ConcurrentHashMap<TenantId, NavigableSet<S>> entries = new ConcurrentHashMap<>();

    InMemoryOrderedIndex(Predicate<S> filter, Comparator<S> order) {
        this.filter = filter;
        this.order = order.thenComparing(state -> state.id().value());
    }

    /** The tenant's records that pass the filter, in order; a live view, read it under the store's read lock. */
    NavigableSet<S> ordered(TenantId tenant) {
        return entries.computeIfAbsent(tenant, t -> new ConcurrentSkipListSet<>(order));
    }

    @Override
    public void replace(TenantId tenant, UUID id, S old, S replacement) {
        if (old != null && filter.test(old)) {
            ordered(tenant).remove(old);
        }
        if (replacement != null && filter.test(replacement)) {
            ordered(tenant).add(replacement);
        }
    }
}
