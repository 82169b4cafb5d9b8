package org.crmkit.core.spi;

import org.crmkit.core.common.TenantId;

/** Tells crmkit on behalf of which tenant the current call runs (e.g. from the host's request context). */
@FunctionalInterface
public interface TenantResolver {

    TenantId currentTenant();

    /** Always the same tenant: the default for single-tenant hosts. */
    static TenantResolver fixed(TenantId tenant) {
        return () -> tenant;
    }
}
