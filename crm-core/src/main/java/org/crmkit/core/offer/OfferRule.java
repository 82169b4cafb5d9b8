package org.crmkit.core.offer;

import java.util.Arrays;
import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * One rule of {@link OfferRules}: customers who meet the condition get the offer, on the occasions named (or on any
 * occasion when none is named), while the offer is valid. Immutable.
 *
 * @param name      the rule's name, unique among the rules, not blank, at most 100 characters; recorded with
 *                  every offer the rule decides
 * @param condition who the offer is for
 * @param offer     what they are offered
 * @param occasions what the offer is made on (e.g. {@code birthday}, {@code holiday-christmas-day}, a campaign's
 *                  or sequence's occasion); empty for every occasion
 */
public record OfferRule(String name, OfferCondition condition, Offer offer, Set<String> occasions) {

    public OfferRule {
        name = Require.maxLength(
                Require.storableText(Require.notBlank(name, "rule.name"), "rule.name"), 100, "rule.name");
        Require.notNull(condition, "rule.condition");
        Require.notNull(offer, "rule.offer");
        occasions = Set.copyOf(Require.noNulls(occasions, "rule.occasions"));
        occasions.forEach(
                occasion -> Require.storableText(Require.notBlank(occasion, "rule.occasions"), "rule.occasions"));
    }

    /** A rule for every occasion. */
    public static OfferRule of(String name, OfferCondition condition, Offer offer) {
        return new OfferRule(name, condition, offer, Set.of());
    }

    /** This rule, made only on the occasions given (replacing those it had). */
    public OfferRule onlyOn(String... occasions) {
        return new OfferRule(
                name, condition, offer, Set.copyOf(Arrays.asList(Require.notNull(occasions, "occasions"))));
    }

    /** Whether the rule is made on the occasion. */
    public boolean coversOccasion(String occasion) {
        return occasions.isEmpty() || occasions.contains(occasion);
    }
}
