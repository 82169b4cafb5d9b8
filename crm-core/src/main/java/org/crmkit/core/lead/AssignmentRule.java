package org.crmkit.core.lead;

import java.util.Map;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;

/**
 * One named rule of {@link LeadAssignmentRules}: which leads it takes ({@link LeadCriteria}) and who gets them.
 * Rules are data a host lists in order; the first rule that matches the lead and has someone to give it to decides.
 */
public sealed interface AssignmentRule {

    String name();

    LeadCriteria criteria();

    private static String checkedName(String name) {
        return Require.maxLength(Require.notBlank(name, "rule.name"), 100, "rule.name");
    }

    /** A territory rule: matching leads go to one user (when that user is active). */
    record ToUser(String name, LeadCriteria criteria, UserId owner) implements AssignmentRule {
        public ToUser {
            name = checkedName(name);
            Require.notNull(criteria, "criteria");
            Require.notNull(owner, "owner");
        }
    }

    /**
     * Round-robin inside a team: matching leads go to the active team member with the fewest open (new, working or
     * qualified) leads; among equally loaded members the turn goes around the team ({@link TeamRotation}, stored
     * per team, so a restart does not hand the next lead to the same member again); a member holding
     * {@code capacity} open leads (or the member's own entry in {@code capacities}) gets no more.
     */
    record RoundRobin(String name, LeadCriteria criteria, TeamId team, int capacity, Map<UserId, Integer> capacities)
            implements AssignmentRule {
        public RoundRobin {
            name = checkedName(name);
            Require.notNull(criteria, "criteria");
            Require.notNull(team, "team");
            Require.positive(capacity, "capacity");
            capacities = Map.copyOf(Require.notNull(capacities, "capacities"));
            capacities.forEach((user, limit) -> Require.notNegative(limit, "capacities[" + user + "]"));
        }

        /** How many open leads the member may hold. */
        public int capacityOf(UserId member) {
            return capacities.getOrDefault(member, capacity);
        }
    }
}
