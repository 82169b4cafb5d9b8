package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/** Everything a {@link Pipeline} consists of, as storage keeps it; {@code stages} in pipeline order. */
public record PipelineState(TenantId tenant, PipelineId id, long version, String name, List<Stage> stages,
                            Instant createdAt) implements AggregateState<PipelineState> {

    public PipelineState {
        stages = Require.noNulls(stages, "stages");
    }

    @Override
    public PipelineState withVersion(long version) {
        return new PipelineState(tenant, id, version, name, stages, createdAt);
    }
}
