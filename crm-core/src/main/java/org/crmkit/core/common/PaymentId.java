package org.crmkit.core.common;

import java.util.UUID;

/** Id of a payment record. */
public record PaymentId(UUID value) implements EntityId {

    public PaymentId {
        Require.notNull(value, "paymentId");
    }

    public static PaymentId of(UUID value) {
        return new PaymentId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static PaymentId parse(String text) {
        return new PaymentId(Ids.parseUuid(text, "paymentId"));
    }

    /** A new time-ordered id. */
    public static PaymentId next(IdGenerator ids) {
        return new PaymentId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
