package org.crmkit.core.offer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * The offer chosen for a customer on an occasion and a day, and why: the rule that decided it, or none, with a
 * line per rule considered saying why it did or did not apply. What workflows record on the message that carries
 * the offer. Immutable.
 *
 * @param occasion the occasion the offer was chosen for
 * @param date     the day it was chosen for
 * @param offer    the offer, or null when no rule applied
 * @param rule     the name of the rule that decided, or null when none applied
 * @param reasons  one line per rule, in order of priority, up to the deciding one (all of them when none applied)
 */
public record OfferChoice(String occasion, LocalDate date, Offer offer, String rule, List<String> reasons) {

    public OfferChoice {
        Require.notBlank(occasion, "occasion");
        Require.notNull(date, "date");
        Require.that((offer == null) == (rule == null), "rule", "must be given with the offer, and only then");
        reasons = Require.noNulls(reasons, "reasons");
    }

    /** The offer, when a rule chose one. */
    public Optional<Offer> chosenOffer() {
        return Optional.ofNullable(offer);
    }

    /** The name of the rule that decided, when one did. */
    public Optional<String> decidingRule() {
        return Optional.ofNullable(rule);
    }

    /** Why no offer was chosen, or which rule chose it, in one line. */
    public String explanation() {
        String considered = reasons.isEmpty() ? "there are no offer rules" : String.join("; ", reasons);
        return offer == null ? "no offer: " + considered : "offer " + offer.code() + " by rule '" + rule + "'";
    }
}
