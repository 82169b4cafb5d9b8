package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/** Everything a {@link ForecastSnapshot} consists of, as storage keeps it. */
public record ForecastSnapshotState(
        TenantId tenant, ForecastSnapshotId id, long version, Forecast forecast, Instant takenAt)
        implements AggregateState<ForecastSnapshotState> {

    public ForecastSnapshotState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(forecast, "forecast");
        Require.notNull(takenAt, "takenAt");
    }

    @Override
    public ForecastSnapshotState withVersion(long version) {
        return new ForecastSnapshotState(tenant, id, version, forecast, takenAt);
    }
}
