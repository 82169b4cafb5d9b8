package org.crmkit.core.common;

import java.util.UUID;

/** Id of a activity record. */
public record ActivityId(UUID value) implements EntityId {

    public ActivityId {
        Require.notNull(value, "activityId");
    }

    public static ActivityId of(UUID value) {
        return new ActivityId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static ActivityId parse(String text) {
        return new ActivityId(Ids.parseUuid(text, "activityId"));
    }

    /** A new time-ordered id. */
    public static ActivityId next(IdGenerator ids) {
        return new ActivityId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
