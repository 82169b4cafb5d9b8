package org.crmkit.persistence.jpa;

import org.crmkit.core.sales.ForecastSnapshotState;

/**
 * Forecast snapshots in {@code crm_forecast_snapshot}. Query columns: the scope (owner, team and pipeline, each null
 * when the scope does not name one), the first and last month of the period, each as its first day, and when the
 * snapshot was taken. No lookup keys.
 */
final class ForecastSnapshotMapping implements AggregateMapping<ForecastSnapshotState, ForecastSnapshotRow> {

    /** Time taken, then id. */
    static final String TAKEN_ORDER = "r.takenAt, r.id";

    @Override
    public String recordType() {
        return "ForecastSnapshot";
    }

    @Override
    public Class<ForecastSnapshotState> stateType() {
        return ForecastSnapshotState.class;
    }

    @Override
    public Class<ForecastSnapshotRow> rowType() {
        return ForecastSnapshotRow.class;
    }

    @Override
    public ForecastSnapshotRow newRow() {
        return new ForecastSnapshotRow();
    }

    @Override
    public void writeColumns(ForecastSnapshotState state, ForecastSnapshotRow row) {
        row.scopeOwnerId = AggregateMapping.uuid(state.forecast().scope().owner());
        row.scopeTeamId = AggregateMapping.uuid(state.forecast().scope().team());
        row.scopePipelineId = AggregateMapping.uuid(state.forecast().scope().pipeline());
        row.firstMonth = QuotaMapping.month(state.forecast().period().first());
        row.lastMonth = QuotaMapping.month(state.forecast().period().last());
        row.takenAt = state.takenAt();
    }
}
