package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Everything a {@link Pipeline} consists of, as storage keeps it: {@code stages} in pipeline order (each with its
 * gates), the allowed won and lost reasons (empty: any), the inactivity days (nullable) and the owner (nullable: a
 * pipeline defined by the system actor, or stored before pipelines had owners).
 */
public record PipelineState(
        TenantId tenant,
        PipelineId id,
        long version,
        String name,
        List<Stage> stages,
        List<String> wonReasons,
        List<String> lostReasons,
        Integer inactivityDays,
        Instant createdAt,
        UserId owner)
        implements AggregateState<PipelineState> {

    public PipelineState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(createdAt, "createdAt");
        stages = Require.noNulls(stages, "stages");
        wonReasons = Require.noNulls(wonReasons, "wonReasons");
        lostReasons = Require.noNulls(lostReasons, "lostReasons");
    }

    @Override
    public PipelineState withVersion(long version) {
        return new PipelineState(
                tenant, id, version, name, stages, wonReasons, lostReasons, inactivityDays, createdAt, owner);
    }
}
