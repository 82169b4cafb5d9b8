package org.crmkit.core.common;

import java.util.UUID;

/** Id of a invoice record. */
public record InvoiceId(UUID value) implements EntityId {

    public InvoiceId {
        Require.notNull(value, "invoiceId");
    }

    public static InvoiceId of(UUID value) {
        return new InvoiceId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static InvoiceId parse(String text) {
        return new InvoiceId(Ids.parseUuid(text, "invoiceId"));
    }

    /** A new time-ordered id. */
    public static InvoiceId next(IdGenerator ids) {
        return new InvoiceId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
