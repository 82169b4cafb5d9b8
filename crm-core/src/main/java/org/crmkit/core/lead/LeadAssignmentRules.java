package org.crmkit.core.lead;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;

/**
 * The ordered assignment rules of a tenant (names unique ignoring case). Immutable and thread-safe; configure it
 * once on the {@code Crm} builder.
 */
public record LeadAssignmentRules(List<AssignmentRule> rules) {

    /** No rules: every lead stays unassigned until assigned by hand. */
    public static final LeadAssignmentRules NONE = new LeadAssignmentRules(List.of());

    public LeadAssignmentRules {
        rules = Require.noNulls(rules, "rules");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Require.that(
                    names.add(rules.get(i).name().toLowerCase(Locale.ROOT)),
                    "rules[" + i + "].name",
                    "'" + rules.get(i).name() + "' is used by another rule");
        }
    }

    public static LeadAssignmentRules of(AssignmentRule... rules) {
        return new LeadAssignmentRules(List.of(rules));
    }

    /**
     * Who gets a lead with {@code details}: the first rule that matches it and has someone to give it to decides. A
     * {@link AssignmentRule.ToUser territory rule} gives it to its user when that user is active; a
     * {@link AssignmentRule.RoundRobin round-robin rule} to the active team member with the fewest open leads below
     * their capacity, the turn going around the team among equally loaded members, and moves the team's rotation on
     * (at {@code clock}'s instant). Changes nothing else; the caller stores the lead and the rotation.
     */
    public AssignmentDecision decide(LeadDetails details, AssignmentFacts facts, Clock clock) {
        Require.notNull(details, "details");
        Require.notNull(facts, "facts");
        Require.notNull(clock, "clock");
        List<Violation> reasons = new ArrayList<>();
        if (rules.isEmpty()) {
            reasons.add(Violation.of(AssignmentResult.NO_RULES, "no assignment rules are configured"));
        }
        for (AssignmentRule rule : rules) {
            Optional<AssignmentDecision.ByRule> decision = decide(rule, details, facts, clock, reasons);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return new AssignmentDecision.NoRule(reasons);
    }

    /** The rule's decision when it assigns the lead; else adds why not to {@code reasons}. */
    private static Optional<AssignmentDecision.ByRule> decide(
            AssignmentRule rule, LeadDetails details, AssignmentFacts facts, Clock clock, List<Violation> reasons) {
        if (!rule.criteria().matches(details)) {
            reasons.add(Violation.of(
                    AssignmentResult.NO_MATCH,
                    rule.name() + ": the lead does not match " + rule.criteria().describe()));
            return Optional.empty();
        }
        if (rule instanceof AssignmentRule.RoundRobin roundRobin) {
            return roundRobin(roundRobin, facts, clock, reasons);
        }
        AssignmentRule.ToUser toUser = (AssignmentRule.ToUser) rule;
        if (!facts.isActiveUser(toUser.owner())) {
            reasons.add(Violation.of(
                    AssignmentResult.OWNER_INACTIVE,
                    rule.name() + ": user " + toUser.owner() + " is not an active user"));
            return Optional.empty();
        }
        return Optional.of(new AssignmentDecision.ByRule(
                rule.name(), toUser.owner(), "matches " + rule.criteria().describe(), null));
    }

    private static Optional<AssignmentDecision.ByRule> roundRobin(
            AssignmentRule.RoundRobin rule, AssignmentFacts facts, Clock clock, List<Violation> reasons) {
        Team team = facts.team(rule.team());
        TeamRotation rotation = facts.rotationOf(team.id());
        UserId chosen = null;
        long chosenLoad = Long.MAX_VALUE;
        for (UserId member : rotation.inTurn(team.members())) {
            if (!facts.isActiveUser(member)) {
                continue;
            }
            long load = facts.openLeadsOf(member);
            if (load < rule.capacityOf(member) && load < chosenLoad) {
                chosen = member;
                chosenLoad = load;
            }
        }
        if (chosen == null) {
            reasons.add(Violation.of(
                    AssignmentResult.TEAM_FULL,
                    rule.name() + ": no active member of team " + team.name() + " has capacity left"));
            return Optional.empty();
        }
        rotation.gaveLeadTo(chosen, clock);
        return Optional.of(new AssignmentDecision.ByRule(
                rule.name(),
                chosen,
                "round-robin in team " + team.name() + ": fewest open leads (" + chosenLoad + " of "
                        + rule.capacityOf(chosen) + ")",
                rotation));
    }
}
