package org.crmkit.core.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import org.crmkit.core.common.TenantId;

/**
 * An index from an ordered key (a date, a time) to the ids of the records that have it, kept up to date by {@link
 * VersionedStore}, so that a query for a range of keys reads only the records in the range: the deals a forecast of a
 * period counts. A record whose key is null is not in the index.
 */
final class InMemoryRangeIndex<S, K extends Comparable<? super K>> implements StoreIndex<S> {

    private final Function<S, K> key;
    private final ConcurrentHashMap<TenantId, NavigableMap<K, Set<UUID>>> entries = new ConcurrentHashMap<>();

    InMemoryRangeIndex(Function<S, K> key) {
        this.key = key;
    }

    /** The ids of the tenant's records whose key lies from {@code from} to {@code to}, each bound as asked. */
    List<UUID> between(TenantId tenant, K from, boolean fromInclusive, K to, boolean toInclusive) {
        List<UUID> ids = new ArrayList<>();
        if (from.compareTo(to) > 0) {
            return ids;
        }
        keysOf(tenant).subMap(from, fromInclusive, to, toInclusive).values().forEach(ids::addAll);
        return ids;
    }

    @Override
    public void replace(TenantId tenant, UUID id, S old, S replacement) {
        K oldKey = old == null ? null : key.apply(old);
        K newKey = replacement == null ? null : key.apply(replacement);
        if (oldKey != null && !oldKey.equals(newKey)) {
            keysOf(tenant).computeIfPresent(oldKey, (k, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            });
        }
        if (newKey != null) {
            keysOf(tenant)
                    .computeIfAbsent(newKey, k -> ConcurrentHashMap.newKeySet())
                    .add(id);
        }
    }

    private NavigableMap<K, Set<UUID>> keysOf(TenantId tenant) {
        return entries.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>());
    }
}
