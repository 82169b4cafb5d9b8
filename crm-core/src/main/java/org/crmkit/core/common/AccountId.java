package org.crmkit.core.common;

import java.util.UUID;

/** Id of a account record. */
public record AccountId(UUID value) implements PartyId {

    public AccountId {
        Require.notNull(value, "accountId");
    }

    public static AccountId of(UUID value) {
        return new AccountId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static AccountId parse(String text) {
        return new AccountId(Ids.parseUuid(text, "accountId"));
    }

    /** A new time-ordered id. */
    public static AccountId next(IdGenerator ids) {
        return new AccountId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
