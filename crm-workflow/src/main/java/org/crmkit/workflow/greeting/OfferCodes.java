package org.crmkit.workflow.greeting;

import java.util.Optional;
import org.crmkit.core.common.ContactId;

/**
 * The host's source of personal offer codes for greetings (a voucher in the birthday email). Called while a
 * greeting is planned, inside crmkit's transaction, at most once per contact, occasion and year as long as the
 * planning commits; a host that hands out codes from a pool should hand out the same code for the same arguments.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OfferCodes {

    /** No offer codes. */
    OfferCodes NONE = (contact, occasion, year) -> Optional.empty();

    /**
     * The code for the contact's greeting, or empty for none.
     *
     * @param occasion {@code birthday}, {@code customer-anniversary} or {@code holiday-<key>}
     */
    Optional<String> codeFor(ContactId contact, String occasion, int year);
}
