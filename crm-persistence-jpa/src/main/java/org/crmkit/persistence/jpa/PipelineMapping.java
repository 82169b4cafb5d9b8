package org.crmkit.persistence.jpa;

import org.crmkit.core.sales.PipelineState;

/**
 * Sales pipelines in {@code crm_pipeline}. Query columns: the name, for name order, and the owner (null: none), for
 * visibility. No lookup keys.
 */
final class PipelineMapping implements AggregateMapping<PipelineState, PipelineRow> {

    /** Name (code point by code point, as {@code String.compareTo}), then id. */
    static final String NAME_ORDER = "r.name, r.id";

    @Override
    public String recordType() {
        return "Pipeline";
    }

    @Override
    public Class<PipelineState> stateType() {
        return PipelineState.class;
    }

    @Override
    public Class<PipelineRow> rowType() {
        return PipelineRow.class;
    }

    @Override
    public PipelineRow newRow() {
        return new PipelineRow();
    }

    @Override
    public void writeColumns(PipelineState state, PipelineRow row) {
        row.name = state.name();
        row.ownerId = AggregateMapping.uuid(state.owner());
    }
}
