package org.crmkit.core.common;

import java.util.UUID;

/** Id of a case record. */
public record CaseId(UUID value) implements EntityId {

    public CaseId {
        Require.notNull(value, "caseId");
    }

    public static CaseId of(UUID value) {
        return new CaseId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static CaseId parse(String text) {
        return new CaseId(Ids.parseUuid(text, "caseId"));
    }

    /** A new time-ordered id. */
    public static CaseId next(IdGenerator ids) {
        return new CaseId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
