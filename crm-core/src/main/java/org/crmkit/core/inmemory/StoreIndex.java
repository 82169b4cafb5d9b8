package org.crmkit.core.inmemory;

import java.util.UUID;
import org.crmkit.core.common.TenantId;

/** An index that {@link VersionedStore} keeps in step with every change and rollback of its records. */
interface StoreIndex<S> {

    /** The record {@code id} changed from {@code old} to {@code replacement}; either is null when absent. */
    void replace(TenantId tenant, UUID id, S old, S replacement);

    /**
     * Refuses to store {@code replacement} as the record {@code id} when it would break a rule of the index (a key
     * that only one record may have); called before {@link #replace}, inside the saving transaction.
     */
    default void check(TenantId tenant, UUID id, S replacement) {}
}
