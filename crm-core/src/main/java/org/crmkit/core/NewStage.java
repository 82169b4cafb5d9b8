package org.crmkit.core;

import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.StageKind;

/**
 * A stage to define: name (unique in its pipeline), default probability in percent (0..100), forecast category,
 * kind and the days after which a deal resting in it rots (null: never). The service gives it its id.
 */
public record NewStage(String name, int probabilityPercent, ForecastCategory forecastCategory, StageKind kind,
                       Integer rottingDays) {

    public static NewStage open(String name, int probabilityPercent, ForecastCategory forecastCategory) {
        return new NewStage(name, probabilityPercent, forecastCategory, StageKind.OPEN, null);
    }

    public static NewStage won(String name) {
        return new NewStage(name, 100, ForecastCategory.CLOSED, StageKind.WON, null);
    }

    public static NewStage lost(String name) {
        return new NewStage(name, 0, ForecastCategory.OMITTED, StageKind.LOST, null);
    }
}
