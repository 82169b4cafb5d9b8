package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.ForecastSnapshotState;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.spi.ForecastSnapshotRepository;

/** Forecast snapshots in {@code crm_forecast_snapshot} (see {@link ForecastSnapshotMapping}). */
final class JpaForecastSnapshotRepository implements ForecastSnapshotRepository {

    private final StoredAggregates<ForecastSnapshot, ForecastSnapshotState, ForecastSnapshotRow> snapshots;
    private final AggregateTable<ForecastSnapshotState, ForecastSnapshotRow> table;

    JpaForecastSnapshotRepository(AggregateTable<ForecastSnapshotState, ForecastSnapshotRow> table) {
        this.table = table;
        this.snapshots = new StoredAggregates<>(table, ForecastSnapshot::state, ForecastSnapshot::restore, "snapshot");
    }

    @Override
    public ForecastSnapshotRepository visibleTo(Visibility visibility) {
        return new JpaForecastSnapshotRepository(
                table.restrictedTo(new VisibleFigures(visibility, "r.scopeOwnerId", "r.scopeTeamId")));
    }

    @Override
    public Optional<ForecastSnapshot> findById(TenantId tenant, ForecastSnapshotId id) {
        return snapshots.findById(tenant, id);
    }

    @Override
    public ForecastSnapshot save(ForecastSnapshot snapshot) {
        return snapshots.save(snapshot);
    }

    @Override
    public List<ForecastSnapshot> findFor(TenantId tenant, ForecastScope scope, QuotaPeriod period) {
        Require.notNull(scope, "scope");
        Require.notNull(period, "period");
        RowQuery query = RowQuery.where("r.firstMonth = :first and r.lastMonth = :last")
                .bind("first", QuotaMapping.month(period.first()))
                .bind("last", QuotaMapping.month(period.last()));
        query = scopeColumn(query, "r.scopeOwnerId", "owner", scope.owner());
        query = scopeColumn(query, "r.scopeTeamId", "team", scope.team());
        query = scopeColumn(query, "r.scopePipelineId", "pipeline", scope.pipeline());
        return snapshots.list(tenant, query.orderBy(ForecastSnapshotMapping.TAKEN_ORDER));
    }

    private static RowQuery scopeColumn(RowQuery query, String column, String parameter, EntityId id) {
        return id == null
                ? query.and(column + " is null")
                : query.and(column + " = :" + parameter).bind(parameter, id.value());
    }
}
