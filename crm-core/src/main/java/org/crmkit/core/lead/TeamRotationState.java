package org.crmkit.core.lead;

import java.time.Instant;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Every field of a {@link TeamRotation}, as storage adapters keep it. {@code lastAssigned} and {@code lastAssignedAt}
 * are null until the team's first round-robin assignment, and set together.
 */
public record TeamRotationState(TenantId tenant, TeamId id, long version, UserId lastAssigned, Instant lastAssignedAt)
        implements AggregateState<TeamRotationState> {

    public TeamRotationState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.that(
                (lastAssigned == null) == (lastAssignedAt == null),
                "lastAssignedAt",
                "is set exactly when lastAssigned is");
    }

    @Override
    public TeamRotationState withVersion(long version) {
        return new TeamRotationState(tenant, id, version, lastAssigned, lastAssignedAt);
    }
}
