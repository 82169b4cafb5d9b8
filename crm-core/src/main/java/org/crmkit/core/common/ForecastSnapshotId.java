package org.crmkit.core.common;

import java.util.UUID;

/** Id of a forecast snapshot. */
public record ForecastSnapshotId(UUID value) implements EntityId {

    public ForecastSnapshotId {
        Require.notNull(value, "forecastSnapshotId");
    }

    public static ForecastSnapshotId of(UUID value) {
        return new ForecastSnapshotId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static ForecastSnapshotId parse(String text) {
        return new ForecastSnapshotId(Ids.parseUuid(text, "forecastSnapshotId"));
    }

    /** A new time-ordered id. */
    public static ForecastSnapshotId next(IdGenerator ids) {
        return new ForecastSnapshotId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
