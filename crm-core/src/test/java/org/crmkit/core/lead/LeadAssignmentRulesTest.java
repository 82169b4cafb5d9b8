package org.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.junit.jupiter.api.Test;

class LeadAssignmentRulesTest {

    static final TenantId TENANT = TenantId.of("acme");
    final UserId ann = member(1);
    final UserId bob = member(2);
    final UserId cyd = member(3);
    final Team sales = Team.create(TENANT, TeamId.of(UUID.randomUUID()), "Inside sales", null, LeadTest.CLOCK);
    final People people = new People();

    static UserId member(long n) {
        return UserId.of(new UUID(0, n));
    }

    LeadAssignmentRulesTest() {
        for (UserId user : Set.of(ann, bob, cyd)) {
            sales.addMember(user, LeadTest.CLOCK);
            people.active.add(user);
        }
    }

    /** The people of a tenant as assignment rules see them: set up by each test. */
    final class People implements AssignmentFacts {
        final Set<UserId> active = new HashSet<>();
        final Map<UserId, Long> openLeads = new HashMap<>();
        TeamRotation rotation = TeamRotation.start(TENANT, sales.id());

        @Override
        public boolean isActiveUser(UserId user) {
            return active.contains(user);
        }

        @Override
        public long openLeadsOf(UserId owner) {
            return openLeads.getOrDefault(owner, 0L);
        }

        @Override
        public Team team(TeamId team) {
            assertThat(team).isEqualTo(sales.id());
            return sales;
        }

        @Override
        public TeamRotation rotationOf(TeamId team) {
            return rotation;
        }
    }

    AssignmentRule.RoundRobin roundRobin(int capacity) {
        return new AssignmentRule.RoundRobin("Inside sales", LeadCriteria.ANY, sales.id(), capacity, Map.of());
    }

    @Test
    void roundRobinGivesTheLeadToTheLeastLoadedActiveMemberAndMovesTheTurnOn() {
        people.openLeads.putAll(Map.of(ann, 3L, bob, 1L, cyd, 1L));

        AssignmentDecision decision =
                LeadAssignmentRules.of(roundRobin(5)).decide(LeadTest.jane(), people, LeadTest.CLOCK);

        assertThat(decision).isInstanceOfSatisfying(AssignmentDecision.ByRule.class, byRule -> {
            assertThat(byRule.owner()).isEqualTo(bob);
            assertThat(byRule.reason()).isEqualTo("round-robin in team Inside sales: fewest open leads (1 of 5)");
            assertThat(byRule.turnTaken().lastAssigned()).isEqualTo(bob);
        });
        assertThat(LeadAssignmentRules.of(roundRobin(5)).decide(LeadTest.jane(), people, LeadTest.CLOCK))
                .isInstanceOfSatisfying(
                        AssignmentDecision.ByRule.class,
                        next -> assertThat(next.owner()).isEqualTo(cyd));
    }

    @Test
    void aTeamWhoseActiveMembersAreFullAssignsNothingAndSaysWhy() {
        people.active.remove(bob);
        people.openLeads.putAll(Map.of(ann, 2L, cyd, 2L));

        AssignmentDecision decision =
                LeadAssignmentRules.of(roundRobin(2)).decide(LeadTest.jane(), people, LeadTest.CLOCK);

        assertThat(decision)
                .isInstanceOfSatisfying(
                        AssignmentDecision.NoRule.class,
                        noRule -> assertThat(noRule.reasons())
                                .extracting(Violation::code)
                                .containsExactly(AssignmentResult.TEAM_FULL));
        assertThat(people.rotation.lastAssigned()).isNull();
    }

    @Test
    void theFirstRuleThatHasSomeoneDecidesAndEveryEarlierRuleSaysWhyNot() {
        UserId gone = member(9);
        AssignmentRule toGone = new AssignmentRule.ToUser("Left the company", LeadCriteria.ANY, gone);
        AssignmentRule toAnn = new AssignmentRule.ToUser("Germany", LeadCriteria.ANY, ann);

        AssignmentDecision decision =
                LeadAssignmentRules.of(toGone, toAnn).decide(LeadTest.jane(), people, LeadTest.CLOCK);

        assertThat(decision).isInstanceOfSatisfying(AssignmentDecision.ByRule.class, byRule -> {
            assertThat(byRule.rule()).isEqualTo("Germany");
            assertThat(byRule.owner()).isEqualTo(ann);
            assertThat(byRule.turnTaken()).isNull();
        });
        assertThat(LeadAssignmentRules.of(toGone).decide(LeadTest.jane(), people, LeadTest.CLOCK))
                .isInstanceOfSatisfying(
                        AssignmentDecision.NoRule.class,
                        noRule -> assertThat(noRule.reasons())
                                .extracting(Violation::code)
                                .containsExactly(AssignmentResult.OWNER_INACTIVE));
    }

    @Test
    void withoutRulesNothingIsAssigned() {
        assertThat(LeadAssignmentRules.NONE.decide(LeadTest.jane(), people, LeadTest.CLOCK))
                .isInstanceOfSatisfying(
                        AssignmentDecision.NoRule.class,
                        noRule -> assertThat(noRule.reasons())
                                .extracting(Violation::code)
                                .containsExactly(AssignmentResult.NO_RULES));
    }
}
