package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineState;
import org.crmkit.core.spi.PipelineRepository;

/** Sales pipelines in {@code crm_pipeline} (see {@link PipelineMapping}). */
final class JpaPipelineRepository implements PipelineRepository {

    private final StoredAggregates<Pipeline, PipelineState, PipelineRow> pipelines;
    private final AggregateTable<PipelineState, PipelineRow> table;

    JpaPipelineRepository(AggregateTable<PipelineState, PipelineRow> table) {
        this.table = table;
        this.pipelines = new StoredAggregates<>(table, Pipeline::state, Pipeline::restore, "pipeline");
    }

    @Override
    public PipelineRepository visibleTo(Visibility visibility) {
        return new JpaPipelineRepository(table.restrictedTo(new VisibleRows(visibility, null)));
    }

    @Override
    public Optional<Pipeline> findById(TenantId tenant, PipelineId id) {
        return pipelines.findById(tenant, id);
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        return pipelines.save(pipeline);
    }

    @Override
    public List<Pipeline> findAll(TenantId tenant) {
        return pipelines.list(tenant, RowQuery.all().orderBy(PipelineMapping.NAME_ORDER));
    }
}
