package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Territory;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * Stores territories. All arguments are required; queries see only the given tenant's territories. Thread-safe.
 * "Priority order" means: priority ascending (0 first), then name ignoring case, then id.
 */
public interface TerritoryRepository {

    Optional<Territory> findById(TenantId tenant, TerritoryId id);

    /** Optimistic save as in {@link ContactRepository#save}. */
    Territory save(Territory territory);

    /** Every territory of the tenant in priority order. */
    List<Territory> findAllByPriority(TenantId tenant);

    /** The territories the user is a member of, in priority order. */
    List<Territory> findByMember(TenantId tenant, UserId user);
}
