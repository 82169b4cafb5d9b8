package org.crmkit.core.spi;

import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.Require;

/**
 * Which changes a device's slice needs, for {@link ChangeLog#afterInScope}: those whose {@link ChangeScope} before or
 * after has one of the owners or territories, or whose account before or after is an account that has one of them
 * now; of the record types named (all when empty).
 */
public record ScopeQuery(Set<UUID> owners, Set<UUID> territories, Set<String> recordTypes) {

    public ScopeQuery {
        owners = Set.copyOf(Require.noNulls(owners, "owners"));
        territories = Set.copyOf(Require.noNulls(territories, "territories"));
        recordTypes = Set.copyOf(Require.noNulls(recordTypes, "recordTypes"));
    }

    /** Whether the scope has one of the owners or territories. */
    public boolean holds(ChangeScope scope) {
        return (scope.owner() != null && owners.contains(scope.owner()))
                || (scope.territory() != null && territories.contains(scope.territory()));
    }
}
