package org.crmkit.core.common;

import java.util.UUID;

/** Id of a stage record. */
public record StageId(UUID value) implements EntityId {

    public StageId {
        Require.notNull(value, "stageId");
    }

    public static StageId of(UUID value) {
        return new StageId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static StageId parse(String text) {
        return new StageId(Ids.parseUuid(text, "stageId"));
    }

    /** A new time-ordered id. */
    public static StageId next(IdGenerator ids) {
        return new StageId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
