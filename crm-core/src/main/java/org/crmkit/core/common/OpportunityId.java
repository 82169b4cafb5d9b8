package org.crmkit.core.common;

import java.util.UUID;

/** Id of a opportunity record. */
public record OpportunityId(UUID value) implements EntityId {

    public OpportunityId {
        Require.notNull(value, "opportunityId");
    }

    public static OpportunityId of(UUID value) {
        return new OpportunityId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static OpportunityId parse(String text) {
        return new OpportunityId(Ids.parseUuid(text, "opportunityId"));
    }

    /** A new time-ordered id. */
    public static OpportunityId next(IdGenerator ids) {
        return new OpportunityId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
