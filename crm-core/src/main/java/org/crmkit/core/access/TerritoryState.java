package org.crmkit.core.access;

import java.util.List;
import java.util.Set;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/** Everything a storage adapter keeps of a {@link Territory}; rules in their order. */
public record TerritoryState(
        TenantId tenant,
        TerritoryId id,
        long version,
        String name,
        int priority,
        List<TerritoryRule> rules,
        Set<UserId> members)
        implements AggregateState<TerritoryState> {

    public TerritoryState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        rules = Require.noNulls(rules, "rules");
        members = Set.copyOf(Require.noNulls(members, "members"));
    }

    @Override
    public TerritoryState withVersion(long newVersion) {
        return new TerritoryState(tenant, id, newVersion, name, priority, rules, members);
    }
}
