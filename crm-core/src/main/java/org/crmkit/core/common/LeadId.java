package org.crmkit.core.common;

import java.util.UUID;

/** Id of a lead record. */
public record LeadId(UUID value) implements EntityId {

    public LeadId {
        Require.notNull(value, "leadId");
    }

    public static LeadId of(UUID value) {
        return new LeadId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static LeadId parse(String text) {
        return new LeadId(Ids.parseUuid(text, "leadId"));
    }

    /** A new time-ordered id. */
    public static LeadId next(IdGenerator ids) {
        return new LeadId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
