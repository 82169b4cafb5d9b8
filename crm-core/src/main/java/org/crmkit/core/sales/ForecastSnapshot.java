package org.crmkit.core.sales;

import java.time.Clock;
import java.time.Instant;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A forecast as it stood at one time, kept unchanged so that forecast accuracy can be measured once the period's
 * results are in. Immutable after it is taken.
 */
public final class ForecastSnapshot extends AggregateRoot<ForecastSnapshotId> {

    private final Forecast forecast;
    private final Instant takenAt;

    private ForecastSnapshot(ForecastSnapshotState s) {
        super(s.tenant(), s.id(), s.version());
        this.forecast = s.forecast();
        this.takenAt = s.takenAt();
    }

    /** Keeps the forecast as of now. Records {@link ForecastSnapshotTaken}. */
    public static ForecastSnapshot take(TenantId tenant, ForecastSnapshotId id, Forecast forecast, Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        ForecastSnapshot snapshot = new ForecastSnapshot(
                new ForecastSnapshotState(tenant, id, 0, Require.notNull(forecast, "forecast"), clock.instant()));
        snapshot.record(new ForecastSnapshotTaken(
                tenant, id.value(), snapshot.takenAt, forecast.scope(), forecast.period(), forecast.weighted()));
        return snapshot;
    }

    /** Restores a snapshot exactly as it was stored. */
    public static ForecastSnapshot restore(ForecastSnapshotState state) {
        return new ForecastSnapshot(Require.notNull(state, "state"));
    }

    public ForecastSnapshotState state() {
        return new ForecastSnapshotState(tenant(), id(), version(), forecast, takenAt);
    }

    public Forecast forecast() {
        return forecast;
    }

    public Instant takenAt() {
        return takenAt;
    }
}
