package org.crmkit.core.common;

import java.util.UUID;

/** Id of a territory record. */
public record TerritoryId(UUID value) implements EntityId {

    public TerritoryId {
        Require.notNull(value, "territoryId");
    }

    public static TerritoryId of(UUID value) {
        return new TerritoryId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static TerritoryId parse(String text) {
        return new TerritoryId(Ids.parseUuid(text, "territoryId"));
    }

    /** A new time-ordered id. */
    public static TerritoryId next(IdGenerator ids) {
        return new TerritoryId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
