package org.crmkit.core.offer;

import java.util.Set;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;

/**
 * Who an {@link OfferRule} is for: customers of a profit tier or an RFM segment (by their {@link CustomerScore}),
 * the members of a saved segment, or anyone. A customer without a score meets no tier or RFM condition.
 */
public sealed interface OfferCondition {

    /** Customers whose score has one of the tiers. */
    static OfferCondition tier(CustomerTier... tiers) {
        return new Tier(Set.of(Require.notNull(tiers, "tiers")));
    }

    /** Customers whose score is in one of the RFM segments (names as the refresh's segment map gives them). */
    static OfferCondition rfmSegment(String... segments) {
        return new RfmSegment(Set.of(Require.notNull(segments, "segments")));
    }

    /**
     * The members of the saved segment: a contact in a segment of contacts, or a contact who works (on the day of
     * the offer) at an account in a segment of accounts.
     */
    static OfferCondition inSegment(SegmentId segment) {
        return new InSegment(segment);
    }

    /** Everyone: for the last rule, the offer for whoever no earlier rule chose. */
    static OfferCondition anyone() {
        return new Anyone();
    }

    /** Customers scored in one of the tiers. */
    record Tier(Set<CustomerTier> tiers) implements OfferCondition {
        public Tier {
            tiers = Set.copyOf(Require.noNulls(tiers, "tiers"));
            Require.that(!tiers.isEmpty(), "tiers", "must name at least one tier");
        }

        @Override
        public String toString() {
            return "tier "
                    + String.join(
                            " or ", tiers.stream().map(Enum::name).sorted().toList());
        }
    }

    /** Customers scored in one of the RFM segments. */
    record RfmSegment(Set<String> segments) implements OfferCondition {
        public RfmSegment {
            segments = Set.copyOf(Require.noNulls(segments, "segments"));
            Require.that(!segments.isEmpty(), "segments", "must name at least one RFM segment");
            segments.forEach(segment -> Require.notBlank(segment, "segments"));
        }

        @Override
        public String toString() {
            return "RFM segment "
                    + String.join(" or ", segments.stream().sorted().toList());
        }
    }

    /** Members of a saved segment. */
    record InSegment(SegmentId segment) implements OfferCondition {
        public InSegment {
            Require.notNull(segment, "segment");
        }

        @Override
        public String toString() {
            return "segment " + segment;
        }
    }

    /** Anyone at all. */
    record Anyone() implements OfferCondition {
        @Override
        public String toString() {
            return "anyone";
        }
    }
}
