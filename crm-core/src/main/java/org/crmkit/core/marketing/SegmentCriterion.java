package org.crmkit.core.marketing;

import java.util.Set;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.Party;
import org.crmkit.core.party.Tags;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;

/**
 * One condition a contact or an account must meet to be in a segment. Most read the party alone; the criteria on the
 * analytics' customer score ({@link InTier}, {@link InRfmSegment}, {@link LifetimeValue}, {@link ChurnRisk}) read the
 * party's own {@link CustomerScore} (an account's, a contact's) and never match a party without one.
 */
public sealed interface SegmentCriterion {

    /**
     * Whether the party meets a criterion that reads no score; a criterion on the score refuses (field {@code rule}),
     * see {@link #matches(Party, CustomerScore)}.
     */
    boolean matches(Party<?> party);

    /** Whether the party meets the criterion, given the party's own score (null when it has none). */
    default boolean matches(Party<?> party, CustomerScore score) {
        return matches(party);
    }

    /** Whether the criterion reads the party's customer score. */
    default boolean readsScore() {
        return false;
    }

    /** The party has every one of the tags (compared in normal form). */
    record HasTags(Set<String> tags) implements SegmentCriterion {
        public HasTags {
            tags = new Tags(Set.copyOf(Require.noNulls(tags, "tags"))).values();
            Require.that(!tags.isEmpty(), "tags", "must name at least one tag");
        }

        public static HasTags of(String... tags) {
            return new HasTags(Set.of(tags));
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.tags().hasAll(tags);
        }
    }

    /** How a custom field is compared with a value. */
    enum Comparison {
        /** Same value, see {@link CustomFieldValue#sameAs}. */
        EQUALS,
        /** Greater than the value; only numbers, dates and money in one currency compare. */
        GREATER_THAN,
        /** Less than the value; only numbers, dates and money in one currency compare. */
        LESS_THAN
    }

    /** The party's custom field compares with the value as asked; a party without the field never matches. */
    record CustomField(CustomFieldKey key, Comparison comparison, CustomFieldValue value) implements SegmentCriterion {
        public CustomField {
            Require.notNull(key, "customField.key");
            Require.notNull(comparison, "comparison");
            Require.notNull(value, "customField.value");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.customFields()
                    .get(key)
                    .map(stored -> switch (comparison) {
                        case EQUALS -> stored.sameAs(value);
                        case GREATER_THAN ->
                            stored.compareWith(value).map(order -> order > 0).orElse(false);
                        case LESS_THAN ->
                            stored.compareWith(value).map(order -> order < 0).orElse(false);
                    })
                    .orElse(false);
        }
    }

    /** The party is in the territory. */
    record InTerritory(TerritoryId territory) implements SegmentCriterion {
        public InTerritory {
            Require.notNull(territory, "territory");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.territory().map(territory::equals).orElse(false);
        }
    }

    /** The party is a contact whose latest consent for the channel and purpose is a grant; accounts never match. */
    record HasConsent(ConsentChannel channel, ConsentPurpose purpose) implements SegmentCriterion {
        public HasConsent {
            Require.notNull(channel, "channel");
            Require.notNull(purpose, "purpose");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party instanceof Contact contact && contact.mayContact(channel, purpose);
        }
    }

    /** The party is owned by the user. */
    record OwnedBy(UserId owner) implements SegmentCriterion {
        public OwnedBy {
            Require.notNull(owner, "owner");
        }

        @Override
        public boolean matches(Party<?> party) {
            return party.owner().equals(owner);
        }
    }

    /** A nested rule, e.g. "tagged VIP and (in territory North or in territory South)". */
    record Nested(SegmentRule rule) implements SegmentCriterion {
        public Nested {
            Require.notNull(rule, "rule");
        }

        @Override
        public boolean matches(Party<?> party) {
            return rule.matches(party);
        }

        @Override
        public boolean matches(Party<?> party, CustomerScore score) {
            return rule.matches(party, score);
        }

        @Override
        public boolean readsScore() {
            return rule.readsScores();
        }
    }

    /** The party's score puts it in the tier (key, small, unprofitable). */
    record InTier(CustomerTier tier) implements SegmentCriterion {
        public InTier {
            Require.notNull(tier, "tier");
        }

        @Override
        public boolean matches(Party<?> party) {
            throw needsScore(this);
        }

        @Override
        public boolean matches(Party<?> party, CustomerScore score) {
            return score != null && score.tier() == tier;
        }

        @Override
        public boolean readsScore() {
            return true;
        }
    }

    /** The party's score puts it in the RFM segment of that name (as the score names it, e.g. {@code champions}). */
    record InRfmSegment(String rfmSegment) implements SegmentCriterion {
        public InRfmSegment {
            Require.maxLength(
                    Require.notBlank(rfmSegment, "rfmSegment"), CustomerScore.MAX_SEGMENT_LENGTH, "rfmSegment");
        }

        @Override
        public boolean matches(Party<?> party) {
            throw needsScore(this);
        }

        @Override
        public boolean matches(Party<?> party, CustomerScore score) {
            return score != null && score.rfmSegment().equals(rfmSegment);
        }

        @Override
        public boolean readsScore() {
            return true;
        }
    }

    /**
     * The party's predicted lifetime value is above ({@code GREATER_THAN}) or below ({@code LESS_THAN}) the value; a
     * score without a prediction, or with its prediction in another currency, never matches.
     */
    record LifetimeValue(Comparison comparison, Money value) implements SegmentCriterion {
        public LifetimeValue {
            requireAboveOrBelow(comparison);
            Require.notNull(value, "value");
        }

        @Override
        public boolean matches(Party<?> party) {
            throw needsScore(this);
        }

        @Override
        public boolean matches(Party<?> party, CustomerScore score) {
            if (score == null
                    || score.prediction() == null
                    || !score.prediction().lifetimeValue().currency().equals(value.currency())) {
                return false;
            }
            int order = score.prediction().lifetimeValue().amount().compareTo(value.amount());
            return comparison == Comparison.GREATER_THAN ? order > 0 : order < 0;
        }

        @Override
        public boolean readsScore() {
            return true;
        }
    }

    /**
     * The party's churn risk, the probability that it no longer buys ({@code 1 - probabilityAlive} of its score's
     * prediction), is above ({@code GREATER_THAN}) or below ({@code LESS_THAN}) {@code risk} (0 to 1); a score
     * without a prediction never matches.
     */
    record ChurnRisk(Comparison comparison, double risk) implements SegmentCriterion {
        public ChurnRisk {
            requireAboveOrBelow(comparison);
            Require.that(risk >= 0 && risk <= 1, "risk", "must be from 0 to 1, was " + risk);
        }

        @Override
        public boolean matches(Party<?> party) {
            throw needsScore(this);
        }

        @Override
        public boolean matches(Party<?> party, CustomerScore score) {
            if (score == null || score.prediction() == null) {
                return false;
            }
            double churn = score.prediction().churnProbability();
            return comparison == Comparison.GREATER_THAN ? churn > risk : churn < risk;
        }

        @Override
        public boolean readsScore() {
            return true;
        }
    }

    private static void requireAboveOrBelow(Comparison comparison) {
        Require.notNull(comparison, "comparison");
        Require.that(comparison != Comparison.EQUALS, "comparison", "must be GREATER_THAN or LESS_THAN, was EQUALS");
    }

    private static InvalidValueException needsScore(SegmentCriterion criterion) {
        return InvalidValueException.invalid(
                "rule", "reads the customer score (" + criterion + "): test it with the party's score");
    }
}
