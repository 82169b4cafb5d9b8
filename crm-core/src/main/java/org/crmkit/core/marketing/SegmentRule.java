package org.crmkit.core.marketing;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Party;

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

    /** Whether the contact or account meets the rule. */
    public boolean matches(Party<?> party) {
        Require.notNull(party, "party");
        return match == SegmentMatch.ALL
                ? criteria.stream().allMatch(criterion -> criterion.matches(party))
                : criteria.stream().anyMatch(criterion -> criterion.matches(party));
    }
}
