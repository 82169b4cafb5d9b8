package org.crmkit.core.sales;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;

/**
 * One stage of a {@link Pipeline}: a name unique within the pipeline, the default win probability in percent
 * (0..100), its forecast category, its kind, optionally after how many days (positive) an opportunity resting
 * in it counts as rotting ({@code rottingDays} null: never), and the {@link StageGate}s an opportunity must meet to
 * enter it (in the order they are reported).
 */
public record Stage(
        StageId id,
        String name,
        int probabilityPercent,
        ForecastCategory forecastCategory,
        StageKind kind,
        Integer rottingDays,
        List<StageGate> gates) {

    public Stage {
        Require.notNull(id, "stage.id");
        name = Require.maxLength(Require.notBlank(name, "stage.name"), 100, "stage.name");
        Require.that(
                probabilityPercent >= 0 && probabilityPercent <= 100,
                "stage.probabilityPercent",
                "must be between 0 and 100, was " + probabilityPercent);
        Require.notNull(forecastCategory, "stage.forecastCategory");
        Require.notNull(kind, "stage.kind");
        Require.that(
                rottingDays == null || rottingDays > 0, "stage.rottingDays", "must be positive, was " + rottingDays);
        gates = Require.noNulls(gates == null ? List.of() : gates, "stage.gates");
    }

    /** A stage without gates. */
    public Stage(
            StageId id,
            String name,
            int probabilityPercent,
            ForecastCategory forecastCategory,
            StageKind kind,
            Integer rottingDays) {
        this(id, name, probabilityPercent, forecastCategory, kind, rottingDays, List.of());
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
        return new Stage(id, name, probabilityPercent, forecastCategory, kind, days, gates);
    }

    /** A copy with these gates instead of its own. */
    public Stage gatedBy(List<StageGate> newGates) {
        return new Stage(id, name, probabilityPercent, forecastCategory, kind, rottingDays, newGates);
    }

    Stage renamed(String newName) {
        return new Stage(id, newName, probabilityPercent, forecastCategory, kind, rottingDays, gates);
    }

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }
}
