package org.crmkit.core.common;

import java.util.UUID;

/** Id of a task record. */
public record TaskId(UUID value) implements EntityId {

    public TaskId {
        Require.notNull(value, "taskId");
    }

    public static TaskId of(UUID value) {
        return new TaskId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static TaskId parse(String text) {
        return new TaskId(Ids.parseUuid(text, "taskId"));
    }

    /** A new time-ordered id. */
    public static TaskId next(IdGenerator ids) {
        return new TaskId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
