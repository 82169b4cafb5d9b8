package org.crmkit.core.inmemory;

import java.util.UUID;
import org.crmkit.core.common.TenantId;

/** An index that {@link VersionedStore} keeps in step with every change and rollback of its records. */
interface StoreIndex<S> {

    /** The record {@code id} changed from {@code old} to {@code replacement}; either is null when absent. */
    void replace(TenantId tenant, UUID id, S old, S replacement);
}
