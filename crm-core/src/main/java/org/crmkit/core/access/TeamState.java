package org.crmkit.core.access;

import java.util.Set;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** Everything a storage adapter keeps of a {@link Team}; {@code lead} may be null. */
public record TeamState(TenantId tenant, TeamId id, long version, String name, UserId lead, Set<UserId> members)
        implements AggregateState<TeamState> {

    public TeamState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        members = Set.copyOf(Require.noNulls(members, "members"));
    }

    @Override
    public TeamState withVersion(long newVersion) {
        return new TeamState(tenant, id, newVersion, name, lead, members);
    }
}
