package org.crmkit.core.lead;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.Violation;

/**
 * The answer of assignment by rules: the lead was {@link Assigned} by one rule, or {@link Unassigned} with the
 * reason each rule gave (in rule order; codes {@link #NO_MATCH}, {@link #OWNER_INACTIVE}, {@link #TEAM_FULL},
 * {@link #NO_RULES}) and nothing changed.
 */
public sealed interface AssignmentResult {

    /** The lead does not meet the rule's criteria. */
    String NO_MATCH = "assignment.no-match";
    /** The rule's user is not an active user. */
    String OWNER_INACTIVE = "assignment.owner-inactive";
    /** No active team member has capacity left. */
    String TEAM_FULL = "assignment.team-full";
    /** No assignment rules are configured. */
    String NO_RULES = "assignment.no-rules";

    /** The lead now belongs to {@code decision.owner()} by {@code decision.rule()}. */
    record Assigned(LeadAssignment decision) implements AssignmentResult {
        public Assigned {
            Require.notNull(decision, "decision");
        }
    }

    /** No rule assigned the lead; why not, rule by rule. */
    record Unassigned(List<Violation> reasons) implements AssignmentResult {
        public Unassigned {
            reasons = Require.noNulls(reasons, "reasons");
            Require.that(!reasons.isEmpty(), "reasons", "needs at least one reason");
        }
    }
}
