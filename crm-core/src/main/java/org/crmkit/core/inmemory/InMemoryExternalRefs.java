package org.crmkit.core.inmemory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * The external references of one record type: an index from each reference to its record, and the refusal of a
 * save that would give a reference to a second record of the tenant. The store checks it inside the saving
 * transaction, which holds the write lock, so that two concurrent saves cannot both take a reference.
 */
final class InMemoryExternalRefs<S extends AggregateState<S>> implements StoreIndex<S> {

    private final String recordType;
    private final VersionedStore<S> store;
    private final Function<S, List<ExternalRef>> refs;
    private final InMemoryIndex<S> byRef;

    /** Adds itself to the store's indexes; call before the store's first write. */
    InMemoryExternalRefs(String recordType, VersionedStore<S> store, Function<S, List<ExternalRef>> refs) {
        this.recordType = recordType;
        this.store = store;
        this.refs = refs;
        this.byRef = new InMemoryIndex<>(refs::apply);
        store.index(this);
    }

    /** The tenant's record with the reference. */
    Optional<S> find(TenantId tenant, ExternalRef ref) {
        Require.notNull(tenant, "tenant");
        Require.notNull(ref, "externalRef");
        return store.findAll(tenant, byRef.lookup(tenant, ref)).stream().findFirst();
    }

    @Override
    public void check(TenantId tenant, UUID id, S replacement) {
        for (ExternalRef ref : refs.apply(replacement)) {
            Set<UUID> holders = byRef.lookup(tenant, ref);
            for (UUID holder : holders) {
                if (!holder.equals(id)) {
                    throw DuplicateRecordException.externalRefTaken(recordType, ref, holder);
                }
            }
        }
    }

    @Override
    public void replace(TenantId tenant, UUID id, S old, S replacement) {
        byRef.replace(tenant, id, old, replacement);
    }
}
