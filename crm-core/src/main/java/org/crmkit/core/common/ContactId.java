package org.crmkit.core.common;

import java.util.UUID;

/** Id of a contact record. */
public record ContactId(UUID value) implements PartyId {

    public ContactId {
        Require.notNull(value, "contactId");
    }

    public static ContactId of(UUID value) {
        return new ContactId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static ContactId parse(String text) {
        return new ContactId(Ids.parseUuid(text, "contactId"));
    }

    /** A new time-ordered id. */
    public static ContactId next(IdGenerator ids) {
        return new ContactId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
