package org.crmkit.core.inmemory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A secondary index from keys (a normalised email, an E.164 phone, an owner) to record ids, kept up to date by
 * {@link VersionedStore} on every change and rollback. A record may have several keys.
 */
final class InMemoryIndex<S> implements StoreIndex<S> {

    private record IndexKey(TenantId tenant, Object key) {}

    private final Function<S, Collection<?>> keys;
    private final ConcurrentHashMap<IndexKey, Set<UUID>> entries = new ConcurrentHashMap<>();

    InMemoryIndex(Function<S, Collection<?>> keys) {
        this.keys = keys;
    }

    static <S> InMemoryIndex<S> single(Function<S, ?> key) {
        return new InMemoryIndex<>(state -> {
            Object value = key.apply(state);
            return value == null ? List.of() : List.of(value);
        });
    }

    /** Ids of the tenant's records that have the key; empty when none. */
    Set<UUID> lookup(TenantId tenant, Object key) {
        Set<UUID> ids = entries.get(new IndexKey(tenant, key));
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    @Override
    public void replace(TenantId tenant, UUID id, S old, S replacement) {
        Collection<?> oldKeys = old == null ? List.of() : keys.apply(old);
        Collection<?> newKeys = replacement == null ? List.of() : keys.apply(replacement);
        for (Object key : oldKeys) {
            if (!newKeys.contains(key)) {
                entries.computeIfPresent(new IndexKey(tenant, key), (k, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
            }
        }
        for (Object key : newKeys) {
            Require.notNull(key, "index key");
            entries.computeIfAbsent(new IndexKey(tenant, key), k -> ConcurrentHashMap.newKeySet())
                    .add(id);
        }
    }
}
