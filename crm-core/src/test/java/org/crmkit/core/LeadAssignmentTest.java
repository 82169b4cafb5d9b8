package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.AssignmentResult;
import org.crmkit.core.lead.AssignmentRule;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadCriteria;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.spi.Storage;
import org.junit.jupiter.api.Test;

class LeadAssignmentTest {

    final TestClock clock = new TestClock("2026-03-02T09:00:00Z");
    final Storage storage = InMemoryStorage.create(clock);
    final Crm setup = Crm.builder().storage(storage).clock(clock).build();
    final UserId berlin = user("berta");
    final UserId ann = user("ann");
    final UserId bob = user("bob");
    final UserId cem = user("cem");
    final Team inside = team();

    UserId user(String name) {
        return setup.access()
                .registerUser(name, EmailAddress.of(name + "@example.com"), Set.of(Role.SALES))
                .id();
    }

    Team team() {
        Team team = setup.access().createTeam("Inside sales", berlin);
        setup.access().addTeamMember(team.id(), ann);
        setup.access().addTeamMember(team.id(), bob);
        return setup.access().addTeamMember(team.id(), cem);
    }

    Leads leadsWith(AssignmentRule... rules) {
        return Crm.builder()
                .storage(storage)
                .clock(clock)
                .leadAssignment(LeadAssignmentRules.of(rules))
                .build()
                .leads();
    }

    static NewLead lead(String email, String country, String region, String postcode, Integer employees) {
        return new NewLead(
                new LeadDetails(
                        null,
                        "Doe",
                        null,
                        null,
                        EmailAddress.of(email),
                        null,
                        country == null ? null : CountryCode.of(country),
                        region,
                        postcode,
                        "Software",
                        employees),
                LeadSource.of("web"),
                null,
                null);
    }

    final AssignmentRule berlinTerritory = new AssignmentRule.ToUser(
            "Berlin territory",
            LeadCriteria.place(new TerritoryRule(CountryCode.of("DE"), null, "10", null))
                    .withEmployees(50, null),
            berlin);

    @Test
    void aTerritoryRuleOnCountryPostcodeAndSizeAssignsTheLeadAndTheDecisionNamesTheRule() {
        Leads leads = leadsWith(berlinTerritory);
        Lead lead = leads.captureAnyway(lead("a@x.example", "DE", null, "10115", 120));

        AssignmentResult result = leads.assignByRules(lead.id());

        assertThat(result).isInstanceOfSatisfying(AssignmentResult.Assigned.class, assigned -> {
            assertThat(assigned.decision().rule()).isEqualTo("Berlin territory");
            assertThat(assigned.decision().owner()).isEqualTo(berlin);
            assertThat(assigned.decision().reason()).isEqualTo("matches country DE, postcode 10*, 50.. employees");
        });
        Lead stored = leads.lead(lead.id()).orElseThrow();
        assertThat(stored.owner()).isEqualTo(berlin);
        assertThat(stored.assignment().rule()).isEqualTo("Berlin territory");
    }

    @Test
    void leadsThatNoTerritoryTakesAreDealtOutInTurnInsideTheTeam() {
        Leads leads = leadsWith(
                berlinTerritory,
                new AssignmentRule.RoundRobin("Inside sales round-robin", LeadCriteria.ANY, inside.id(), 5, Map.of()));

        List<UserId> owners = List.of("1", "2", "3", "4").stream()
                .map(n -> leads.captureAnyway(lead(n + "@x.example", "FR", null, null, 10)))
                .map(lead -> ((AssignmentResult.Assigned) leads.assignByRules(lead.id()))
                        .decision()
                        .owner())
                .toList();

        List<UserId> members = inside.members().stream()
                .sorted((x, y) -> x.value().compareTo(y.value()))
                .toList();
        assertThat(owners).containsExactly(members.get(0), members.get(1), members.get(2), members.get(0));
        assertThat(leads.lead(leads.leadsOf(
                                        members.get(0),
                                        org.crmkit.core.lead.LeadStatus.NEW,
                                        org.crmkit.core.common.PageRequest.first(5))
                                .items()
                                .get(0)
                                .id())
                        .orElseThrow()
                        .assignment()
                        .reason())
                .startsWith("round-robin in team Inside sales: fewest open leads (0 of 5)");
    }

    final AssignmentRule insideInTurn =
            new AssignmentRule.RoundRobin("Inside sales round-robin", LeadCriteria.ANY, inside.id(), 5, Map.of());

    List<UserId> membersById() {
        return inside.members().stream()
                .sorted((x, y) -> x.value().compareTo(y.value()))
                .toList();
    }

    UserId assignAndClose(Leads leads, String email) {
        Lead lead = leads.captureAnyway(lead(email, "FR", null, null, 10));
        UserId owner = ((AssignmentResult.Assigned) leads.assignByRules(lead.id()))
                .decision()
                .owner();
        leads.disqualify(lead.id(), "no budget");
        return owner;
    }

    @Test
    void equallyLoadedMembersTakeTurnsAlsoWhenEveryLeadIsClosedAtOnce() {
        Leads leads = leadsWith(insideInTurn);

        List<UserId> owners = List.of("1", "2", "3", "4").stream()
                .map(n -> assignAndClose(leads, n + "@x.example"))
                .toList();

        List<UserId> members = membersById();
        assertThat(owners).containsExactly(members.get(0), members.get(1), members.get(2), members.get(0));
    }

    @Test
    void theTurnIsStoredSoThatARestartGoesOnWithTheNextMember() {
        UserId first = assignAndClose(leadsWith(insideInTurn), "1@x.example");

        UserId afterRestart = assignAndClose(leadsWith(insideInTurn), "2@x.example");

        assertThat(first).isEqualTo(membersById().get(0));
        assertThat(afterRestart).isEqualTo(membersById().get(1));
        assertThat(storage.teamRotations()
                        .findByTeam(inside.tenant(), inside.id())
                        .orElseThrow()
                        .lastAssigned())
                .isEqualTo(afterRestart);
    }

    @Test
    void aMemberAtCapacityIsSkippedAndAFullTeamLeavesTheLeadUnassignedWithEveryRulesReason() {
        List<UserId> members = inside.members().stream()
                .sorted((x, y) -> x.value().compareTo(y.value()))
                .toList();
        Leads leads = leadsWith(
                berlinTerritory,
                new AssignmentRule.RoundRobin(
                        "Inside sales round-robin", LeadCriteria.ANY, inside.id(), 1, Map.of(members.get(0), 0)));
        Lead first = leads.captureAnyway(lead("1@x.example", "FR", null, null, 10));
        Lead second = leads.captureAnyway(lead("2@x.example", "FR", null, null, 10));
        Lead third = leads.captureAnyway(lead("3@x.example", "FR", null, null, 10));

        assertThat(((AssignmentResult.Assigned) leads.assignByRules(first.id()))
                        .decision()
                        .owner())
                .isEqualTo(members.get(1));
        assertThat(((AssignmentResult.Assigned) leads.assignByRules(second.id()))
                        .decision()
                        .owner())
                .isEqualTo(members.get(2));
        AssignmentResult full = leads.assignByRules(third.id());

        assertThat(full)
                .isInstanceOfSatisfying(
                        AssignmentResult.Unassigned.class,
                        unassigned -> assertThat(unassigned.reasons())
                                .extracting(Violation::code)
                                .containsExactly(AssignmentResult.NO_MATCH, AssignmentResult.TEAM_FULL));
        assertThat(leads.lead(third.id()).orElseThrow().owner()).isNull();
    }

    @Test
    void aRuleForADeactivatedUserPassesTheLeadOnToTheNextRule() {
        setup.access().deactivateUser(berlin);
        Leads leads = leadsWith(berlinTerritory, new AssignmentRule.ToUser("Fallback", LeadCriteria.ANY, ann));
        Lead lead = leads.captureAnyway(lead("a@x.example", "DE", null, "10115", 120));

        AssignmentResult result = leads.assignByRules(lead.id());

        assertThat(((AssignmentResult.Assigned) result).decision().rule()).isEqualTo("Fallback");
    }

    @Test
    void withoutRulesNothingIsAssignedAndTheReasonSaysSo() {
        Leads leads = setup.leads();
        Lead lead = leads.captureAnyway(lead("a@x.example", "DE", null, "10115", 120));

        assertThat(leads.assignByRules(lead.id()))
                .isInstanceOfSatisfying(
                        AssignmentResult.Unassigned.class,
                        u -> assertThat(u.reasons())
                                .extracting(Violation::code)
                                .containsExactly(AssignmentResult.NO_RULES));
    }

    @Test
    void rulesWithTheSameNameAreRefused() {
        assertThatThrownBy(() -> LeadAssignmentRules.of(berlinTerritory, berlinTerritory))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("rules[1].name"));
    }
}
