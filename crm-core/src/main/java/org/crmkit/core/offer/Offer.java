package org.crmkit.core.offer;

import java.time.LocalDate;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * What a customer is offered: a code to redeem (a voucher, a discount code), the text that tells the customer what
 * it is, and the days it is valid on. Immutable.
 *
 * @param code       the code to redeem, not blank, at most 100 characters
 * @param text       what the offer is, in words for the customer, not blank, at most 1000 characters
 * @param validFrom  the first day it is valid on, or null when it is valid from any day
 * @param validUntil the last day it is valid on, or null when it does not expire; not before {@code validFrom}
 */
public record Offer(String code, String text, LocalDate validFrom, LocalDate validUntil) {

    public Offer {
        code = Require.maxLength(
                Require.storableText(Require.notBlank(code, "offer.code"), "offer.code"), 100, "offer.code");
        text = Require.maxLength(
                Require.storableText(Require.notBlank(text, "offer.text"), "offer.text"), 1000, "offer.text");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw InvalidValueException.invalid(
                    "offer.validUntil", "is " + validUntil + ", before the first valid day " + validFrom);
        }
    }

    /** An offer valid on every day. */
    public static Offer of(String code, String text) {
        return new Offer(code, text, null, null);
    }

    /** An offer valid from {@code validFrom} to {@code validUntil}, both included. */
    public static Offer of(String code, String text, LocalDate validFrom, LocalDate validUntil) {
        Require.notNull(validFrom, "offer.validFrom");
        Require.notNull(validUntil, "offer.validUntil");
        return new Offer(code, text, validFrom, validUntil);
    }

    /** Whether the offer may be made on the day. */
    public boolean isValidOn(LocalDate date) {
        Require.notNull(date, "date");
        return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
    }
}
