package org.crmkit.core;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.StageGate;
import org.crmkit.core.sales.StageKind;

/**
 * A stage to define: name (unique in its pipeline), default probability in percent (0..100), forecast category,
 * kind, the days after which a deal resting in it rots (null: never) and the gates a deal must meet to enter it
 * (null: none). The service gives it its id.
 */
public record NewStage(
        String name,
        int probabilityPercent,
        ForecastCategory forecastCategory,
        StageKind kind,
        Integer rottingDays,
        List<StageGate> gates) {

    public NewStage {
        gates = Require.noNulls(gates == null ? List.of() : gates, "stage.gates");
    }

    /** A stage without gates. */
    public NewStage(
            String name,
            int probabilityPercent,
            ForecastCategory forecastCategory,
            StageKind kind,
            Integer rottingDays) {
        this(name, probabilityPercent, forecastCategory, kind, rottingDays, List.of());
    }

    public static NewStage open(String name, int probabilityPercent, ForecastCategory forecastCategory) {
        return new NewStage(name, probabilityPercent, forecastCategory, StageKind.OPEN, null);
    }

    public static NewStage won(String name) {
        return new NewStage(name, 100, ForecastCategory.CLOSED, StageKind.WON, null);
    }

    public static NewStage lost(String name) {
        return new NewStage(name, 0, ForecastCategory.OMITTED, StageKind.LOST, null);
    }

    /** A copy entered only by deals that meet the gates. */
    public NewStage gatedBy(StageGate... newGates) {
        return new NewStage(name, probabilityPercent, forecastCategory, kind, rottingDays, List.of(newGates));
    }

    /** A copy in which a resting deal rots after {@code days} days. */
    public NewStage rottingAfter(int days) {
        return new NewStage(name, probabilityPercent, forecastCategory, kind, days, gates);
    }
}
