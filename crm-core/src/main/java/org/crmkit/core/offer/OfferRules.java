package org.crmkit.core.offer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * The offer rules of a tenant, in order of priority: for a customer, an occasion and a day, the first rule that
 * covers the occasion, whose condition the customer meets and whose offer is valid on the day decides the offer
 * ({@code Crm.offers().choose}). Rules are data, like stage gates and duplicate rules: the host builds them (from its
 * configuration, its own tables) and hands them to {@code Crm.Builder.offerRules}. Immutable.
 */
public final class OfferRules {

    private static final OfferRules NONE = new OfferRules(List.of());

    private final List<OfferRule> rules;

    private OfferRules(List<OfferRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: no customer is offered anything. */
    public static OfferRules none() {
        return NONE;
    }

    /** The rules in order of priority, the first the highest; refuses two rules of one name. */
    public static OfferRules of(OfferRule... rules) {
        return of(List.of(Require.notNull(rules, "rules")));
    }

    /** The rules in order of priority, the first the highest; refuses two rules of one name. */
    public static OfferRules of(List<OfferRule> rules) {
        List<OfferRule> ordered = Require.noNulls(rules, "rules");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (!names.add(ordered.get(i).name())) {
                throw InvalidValueException.invalid(
                        "rules[" + i + "].name", "'" + ordered.get(i).name() + "' names an earlier rule too");
            }
        }
        return new OfferRules(ordered);
    }

    /** The rules, highest priority first. */
    public List<OfferRule> rules() {
        return rules;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OfferRules that && that.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "OfferRules" + rules;
    }
}
