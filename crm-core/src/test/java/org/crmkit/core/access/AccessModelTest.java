package org.crmkit.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.junit.jupiter.api.Test;

class AccessModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final CountryCode DE = CountryCode.of("DE");

    private static User user(String name, Role... roles) {
        return User.register(
                TENANT,
                UserId.of(UUID.randomUUID()),
                name,
                EmailAddress.of(name.toLowerCase() + "@crm.example"),
                List.of(roles),
                CLOCK);
    }

    private static Team team(User lead, User... members) {
        Team team = Team.create(TENANT, TeamId.of(UUID.randomUUID()), "Team", lead == null ? null : lead.id(), CLOCK);
        for (User member : members) {
            team.addMember(member.id(), CLOCK);
        }
        return team;
    }

    private static Territory territory(String name, int priority, TerritoryRule... rules) {
        return Territory.define(TENANT, TerritoryId.of(UUID.randomUUID()), name, priority, List.of(rules), CLOCK);
    }

    @Test
    void aUserWithoutNameIsRefused() {
        assertThatThrownBy(() -> User.register(
                        TENANT, UserId.of(UUID.randomUUID()), " ", EmailAddress.of("a@b.example"), List.of(), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void aUserIsDeactivatedOnceAndCanBeReactivated() {
        User user = user("Ann", Role.SALES);

        user.deactivate(CLOCK);
        assertThatThrownBy(() -> user.deactivate(CLOCK)).isInstanceOf(IllegalTransitionException.class);
        user.reactivate(CLOCK);

        assertThat(user.isActive()).isTrue();
        assertThat(user.pendingEvents())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("UserRegistered", "UserDeactivated", "UserReactivated");
    }

    @Test
    void rolesAreASetAndOnlyChangesRecordEvents() {
        User user = user("Ann", Role.SALES);

        user.grantRole(Role.MANAGER, CLOCK);
        user.grantRole(Role.MANAGER, CLOCK);
        user.revokeRole(Role.SALES, CLOCK);

        assertThat(user.roles()).containsExactly(Role.MANAGER);
        assertThat(user.pendingEvents())
                .filteredOn(UserChanged.class::isInstance)
                .hasSize(2);
        assertThat(User.restore(user.state()).state()).isEqualTo(user.state());
    }

    @Test
    void aTeamRefusesAddingAMemberTwiceAndRemovingAStranger() {
        User ann = user("Ann");
        Team team = team(null, ann);

        assertThatThrownBy(() -> team.addMember(ann.id(), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user"));
        assertThatThrownBy(() -> team.removeMember(UserId.of(UUID.randomUUID()), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("user"));
    }

    @Test
    void aTerritoryRuleNeedsEveryCriterionItSets() {
        TerritoryRule bavarianMakers = new TerritoryRule(DE, "Bavaria", "8", "Manufacturing");

        assertThat(bavarianMakers.matches(DE, "bavaria", "80331", "manufacturing"))
                .isTrue();
        assertThat(bavarianMakers.matches(DE, "Bavaria", "10115", "Manufacturing"))
                .isFalse();
        assertThat(bavarianMakers.matches(DE, "Bavaria", "80331", "Retail")).isFalse();
        assertThat(bavarianMakers.matches(CountryCode.of("AT"), "Bavaria", "80331", "Manufacturing"))
                .isFalse();
        assertThat(bavarianMakers.matches(DE, null, "80331", "Manufacturing")).isFalse();
    }

    @Test
    void postcodePrefixesIgnoreSpacesAndCase() {
        TerritoryRule london = new TerritoryRule(CountryCode.of("GB"), null, "sw1", null);

        assertThat(london.matches(CountryCode.of("GB"), null, "SW1A 1AA", null)).isTrue();
        assertThat(london.matches(CountryCode.of("GB"), null, "SE1 9SG", null)).isFalse();
    }

    @Test
    void aTerritoryMatchesWhenAnyRuleHoldsAndNamesTheFirst() {
        TerritoryRule berlin = new TerritoryRule(DE, null, "10", null);
        TerritoryRule germany = TerritoryRule.country("DE");
        Territory east = territory("East", 1, berlin, germany);

        assertThat(east.matchingRule(DE, null, "10115", null)).contains(berlin);
        assertThat(east.matchingRule(DE, null, "80331", null)).contains(germany);
        assertThat(east.matches(CountryCode.of("FR"), null, "75001", null)).isFalse();
    }

    @Test
    void aTerritoryJudgesAnAccountByPrimaryAddressAndIndustry() {
        Account account = Account.register(
                TENANT,
                AccountId.of(UUID.randomUUID()),
                NewAccount.of("ACME", UserId.of(UUID.randomUUID()))
                        .withDetails(new AccountDetails(null, "Manufacturing", null, null))
                        .withAddress(
                                PostalAddress.of("Marienplatz 1", "80331", "München", "DE"), ContactPointType.BILLING)
                        .withAddress(
                                PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.SHIPPING),
                CLOCK);

        assertThat(territory("South", 1, new TerritoryRule(DE, null, "8", "manufacturing"))
                        .matches(account))
                .isTrue();
        assertThat(territory("Berlin", 1, new TerritoryRule(DE, null, "10", null))
                        .matches(account))
                .isFalse();
    }

    @Test
    void aTerritoryWithoutRulesOrWithNegativePriorityIsRefused() {
        assertThatThrownBy(() -> territory("Empty", 1))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("rules"));
        assertThatThrownBy(() -> territory("Negative", -1, TerritoryRule.any()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("priority"));
    }

    @Test
    void anOwnerSeesItsRecordsAndAStrangerDoesNot() {
        User ann = user("Ann");
        User bob = user("Bob");

        assertThat(Visibility.of(ann, List.of(), List.of()).reason(ann.id(), null))
                .contains(VisibilityReason.OWNER);
        assertThat(Visibility.of(bob, List.of(), List.of()).canSee(ann.id(), null))
                .isFalse();
    }

    @Test
    void anAdminSeesEverything() {
        User admin = user("Root", Role.ADMIN);

        assertThat(Visibility.of(admin, List.of(), List.of()).reason(UserId.of(UUID.randomUUID()), null))
                .contains(VisibilityReason.ADMIN);
    }

    @Test
    void teamMatesAndTheirLeadSeeEachOthersRecords() {
        User lead = user("Lead");
        User ann = user("Ann");
        User bob = user("Bob");
        User outsider = user("Out");
        Team team = team(lead, ann, bob);
        Set<Team> teams = Set.of(team);

        assertThat(Visibility.of(ann, teams, List.of()).reason(bob.id(), null)).contains(VisibilityReason.TEAM_MEMBER);
        assertThat(Visibility.of(lead, teams, List.of()).reason(bob.id(), null)).contains(VisibilityReason.TEAM_LEAD);
        assertThat(Visibility.of(ann, teams, List.of()).canSee(lead.id(), null)).isFalse();
        assertThat(Visibility.of(outsider, teams, List.of()).canSee(ann.id(), null))
                .isFalse();
    }

    @Test
    void territoryMembersSeeTheTerritorysRecords() {
        User ann = user("Ann");
        Territory north = territory("North", 1, TerritoryRule.any());
        north.addMember(ann.id(), CLOCK);
        UserId someoneElse = UserId.of(UUID.randomUUID());

        Visibility visibility = Visibility.of(ann, List.of(), List.of(north));

        assertThat(visibility.reason(someoneElse, north.id())).contains(VisibilityReason.TERRITORY_MEMBER);
        assertThat(visibility.canSee(someoneElse, TerritoryId.of(UUID.randomUUID())))
                .isFalse();
        assertThat(visibility.canSee(someoneElse, null)).isFalse();
    }

    @Test
    void anInactiveUserSeesNothingNotEvenItsOwnRecords() {
        User admin = user("Root", Role.ADMIN);
        admin.deactivate(CLOCK);

        assertThat(Visibility.of(admin, List.of(), List.of()).canSee(admin.id(), null))
                .isFalse();
    }
}
