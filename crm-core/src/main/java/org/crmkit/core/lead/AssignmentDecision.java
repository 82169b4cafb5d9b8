package org.crmkit.core.lead;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;

/**
 * What {@link LeadAssignmentRules#decide} found: the lead goes to an owner {@link ByRule by one rule}, or
 * {@link NoRule no rule} can assign it, with each rule's reason (codes of {@link AssignmentResult}).
 */
public sealed interface AssignmentDecision {

    /**
     * The first rule that matches and has someone: the owner and why. {@code turnTaken} is the team's rotation,
     * already moved on to the owner, for a round-robin rule (store it with the lead), else null.
     */
    record ByRule(String rule, UserId owner, String reason, TeamRotation turnTaken) implements AssignmentDecision {
        public ByRule {
            Require.notBlank(rule, "rule");
            Require.notNull(owner, "owner");
            Require.notBlank(reason, "reason");
        }
    }

    /** Why no rule assigns the lead, rule by rule (one {@link AssignmentResult#NO_RULES} reason without rules). */
    record NoRule(List<Violation> reasons) implements AssignmentDecision {
        public NoRule {
            reasons = Require.noNulls(reasons, "reasons");
            Require.that(!reasons.isEmpty(), "reasons", "needs at least one reason");
        }
    }
}
