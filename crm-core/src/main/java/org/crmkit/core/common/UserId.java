package org.crmkit.core.common;

import java.util.UUID;

/** Id of a user record. */
public record UserId(UUID value) implements EntityId {

    public UserId {
        Require.notNull(value, "userId");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static UserId parse(String text) {
        return new UserId(Ids.parseUuid(text, "userId"));
    }

    /** A new time-ordered id. */
    public static UserId next(IdGenerator ids) {
        return new UserId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
