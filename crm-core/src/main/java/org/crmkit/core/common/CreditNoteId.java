package org.crmkit.core.common;

import java.util.UUID;

/** Id of a credit note record. */
public record CreditNoteId(UUID value) implements EntityId {

    public CreditNoteId {
        Require.notNull(value, "creditNoteId");
    }

    public static CreditNoteId of(UUID value) {
        return new CreditNoteId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static CreditNoteId parse(String text) {
        return new CreditNoteId(Ids.parseUuid(text, "creditNoteId"));
    }

    /** A new time-ordered id. */
    public static CreditNoteId next(IdGenerator ids) {
        return new CreditNoteId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
