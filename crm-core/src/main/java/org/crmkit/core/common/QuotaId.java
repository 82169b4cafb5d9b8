package org.crmkit.core.common;

import java.util.UUID;

/** Id of a quota record. */
public record QuotaId(UUID value) implements EntityId {

    public QuotaId {
        Require.notNull(value, "quotaId");
    }

    public static QuotaId of(UUID value) {
        return new QuotaId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static QuotaId parse(String text) {
        return new QuotaId(Ids.parseUuid(text, "quotaId"));
    }

    /** A new time-ordered id. */
    public static QuotaId next(IdGenerator ids) {
        return new QuotaId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
