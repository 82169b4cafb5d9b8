package org.crmkit.core.common;

import java.util.UUID;

/** Id of a team record. */
public record TeamId(UUID value) implements EntityId {

    public TeamId {
        Require.notNull(value, "teamId");
    }

    public static TeamId of(UUID value) {
        return new TeamId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static TeamId parse(String text) {
        return new TeamId(Ids.parseUuid(text, "teamId"));
    }

    /** A new time-ordered id. */
    public static TeamId next(IdGenerator ids) {
        return new TeamId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
