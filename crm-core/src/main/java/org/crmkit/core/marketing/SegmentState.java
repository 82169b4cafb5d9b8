package org.crmkit.core.marketing;

import java.time.Instant;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** Everything a storage adapter keeps of a {@link Segment}. Every component is required but the owner (none: null). */
public record SegmentState(
        TenantId tenant,
        SegmentId id,
        long version,
        String name,
        SegmentAudience audience,
        SegmentRule rule,
        Instant definedAt,
        UserId owner)
        implements AggregateState<SegmentState> {

    public SegmentState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(audience, "audience");
        Require.notNull(rule, "rule");
        Require.notNull(definedAt, "definedAt");
    }

    @Override
    public SegmentState withVersion(long newVersion) {
        return new SegmentState(tenant, id, newVersion, name, audience, rule, definedAt, owner);
    }
}
