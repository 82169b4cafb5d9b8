package org.crmkit.core.marketing;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Party;
import org.crmkit.core.score.CustomerScore;

/** One or more criteria combined with all/any; criteria may themselves be nested rules. */
public record SegmentRule(SegmentMatch match, List<SegmentCriterion> criteria) {

    public SegmentRule {
        Require.notNull(match, "rule.match");
        criteria = Require.noNulls(criteria, "rule.criteria");
        Require.that(!criteria.isEmpty(), "rule.criteria", "must contain at least one criterion");
    }

    public static SegmentRule all(SegmentCriterion... criteria) {
        return new SegmentRule(SegmentMatch.ALL, List.of(criteria));
    }

    public static SegmentRule any(SegmentCriterion... criteria) {
        return new SegmentRule(SegmentMatch.ANY, List.of(criteria));
    }

    /**
     * Whether the contact or account meets a rule that reads no customer score; a rule that does ({@link
     * #readsScores()}) is refused (field {@code rule}): test it with {@link #matches(Party, CustomerScore)}.
     */
    public boolean matches(Party<?> party) {
        Require.notNull(party, "party");
        return match == SegmentMatch.ALL
                ? criteria.stream().allMatch(criterion -> criterion.matches(party))
                : criteria.stream().anyMatch(criterion -> criterion.matches(party));
    }

    /** Whether the contact or account meets the rule, given its own customer score (null when it has none). */
    public boolean matches(Party<?> party, CustomerScore score) {
        Require.notNull(party, "party");
        return match == SegmentMatch.ALL
                ? criteria.stream().allMatch(criterion -> criterion.matches(party, score))
                : criteria.stream().anyMatch(criterion -> criterion.matches(party, score));
    }

    /** Whether a criterion of the rule (or of a nested rule) reads the party's customer score. */
    public boolean readsScores() {
        return criteria.stream().anyMatch(SegmentCriterion::readsScore);
    }
}
