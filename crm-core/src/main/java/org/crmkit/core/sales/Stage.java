package org.crmkit.core.sales;

import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;

/**
 * One stage of a {@link Pipeline}: a name unique within the pipeline, the default win probability in percent
 * (0..100), its forecast category, its kind, and optionally after how many days (positive) an opportunity resting
 * in it counts as rotting ({@code rottingDays} null: never).
 */
public record Stage(StageId id, String name, int probabilityPercent, ForecastCategory forecastCategory, StageKind kind,
                    Integer rottingDays) {

    public Stage {
        Require.notNull(id, "stage.id");
        name = Require.maxLength(Require.notBlank(name, "stage.name"), 100, "stage.name");
        Require.that(probabilityPercent >= 0 && probabilityPercent <= 100, "stage.probabilityPercent",
                "must be between 0 and 100, was " + probabilityPercent);
        Require.notNull(forecastCategory, "stage.forecastCategory");
        Require.notNull(kind, "stage.kind");
        Require.that(rottingDays == null || rottingDays > 0, "stage.rottingDays", "must be positive, was " + rottingDays);
    }

    public static Stage open(StageId id, String name, int probabilityPercent, ForecastCategory category) {
        return new Stage(id, name, probabilityPercent, category, StageKind.OPEN, null);
    }

    public static Stage won(StageId id, String name) {
        return new Stage(id, name, 100, ForecastCategory.CLOSED, StageKind.WON, null);
    }

    public static Stage lost(StageId id, String name) {
        return new Stage(id, name, 0, ForecastCategory.OMITTED, StageKind.LOST, null);
    }

    /** A copy that counts as rotting after {@code days} days in the stage. */
    public Stage rottingAfter(int days) {
        return new Stage(id, name, probabilityPercent, forecastCategory, kind, days);
    }

    Stage renamed(String newName) {
        return new Stage(id, newName, probabilityPercent, forecastCategory, kind, rottingDays);
    }

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }
}
