package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.access.RecordShared;
import org.crmkit.core.access.RecordUnshared;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TeamMemberAdded;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final List<OutboxEntry> delivered = new ArrayList<>();
    private Crm crm;
    private Access access;

    @BeforeEach
    void buildCrm() {
        crm = Crm.builder()
                .storage(InMemoryStorage.create(CLOCK))
                .clock(CLOCK)
                .eventListener(delivered::add)
                .build();
        access = crm.access();
    }

    private User user(String name) {
        return access.registerUser(name, EmailAddress.of(name + "@crm.example"), List.of(Role.SALES));
    }

    @Test
    void aSecondUserWithTheSameEmailIsRefused() {
        user("ann");

        assertThatThrownBy(() -> access.registerUser("Ann Two", EmailAddress.of("ANN@crm.example"), List.of()))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(access.users(PageRequest.first(10)).totalElements()).isEqualTo(1);
    }

    @Test
    void aTeamMemberMustExistAndTheAddIsPublished() {
        User lead = user("lead");
        Team team = access.createTeam("Inside sales", lead.id());

        assertThatThrownBy(() -> access.addTeamMember(team.id(), UserId.of(UUID.randomUUID())))
                .isInstanceOf(RecordNotFoundException.class);
        User ann = user("ann");
        access.addTeamMember(team.id(), ann.id());

        assertThat(access.teamsOf(ann.id())).extracting(Team::id).containsExactly(team.id());
        assertThat(access.teamsOf(lead.id())).extracting(Team::id).containsExactly(team.id());
        assertThat(delivered)
                .last()
                .satisfies(entry -> assertThat(entry.event()).isInstanceOf(TeamMemberAdded.class));
    }

    @Test
    void aShareAndItsEndAreRecordedAsEventsNamingWhoDidIt() {
        User ann = user("ann");
        Contact customer = crm.parties().registerContact(NewContact.of(PersonName.of("Nora", "Customer"), ann.id()));
        RecordRef record = RecordRef.contact(customer.id());

        access.shareWithUser(record, ann.id(), ShareAccess.READ);
        assertThat(delivered)
                .last()
                .satisfies(entry -> assertThat(entry.event())
                        .isEqualTo(new RecordShared(
                                customer.tenant(),
                                customer.id().value(),
                                CLOCK.instant(),
                                record,
                                ann.id().value(),
                                ShareAccess.READ,
                                Actor.SYSTEM.id())));
        assertThat(access.unshare(record, ann.id().value())).isTrue();
        assertThat(delivered)
                .last()
                .satisfies(entry -> assertThat(entry.event())
                        .isEqualTo(new RecordUnshared(
                                customer.tenant(),
                                customer.id().value(),
                                CLOCK.instant(),
                                record,
                                ann.id().value(),
                                Actor.SYSTEM.id())));
        int events = delivered.size();
        assertThat(access.unshare(record, ann.id().value())).isFalse();
        assertThat(delivered).hasSize(events);
    }

    @Test
    void anAccountGoesToTheFirstMatchingTerritoryByPriority() {
        access.defineTerritory("Germany", 5, List.of(TerritoryRule.country("DE")));
        Territory berlin =
                access.defineTerritory("Berlin", 1, List.of(new TerritoryRule(CountryCode.of("DE"), null, "10", null)));
        access.defineTerritory("Everything", 9, List.of(TerritoryRule.any()));
        Account account = crm.parties()
                .registerAccount(NewAccount.of("ACME", user("owner").id())
                        .withAddress(
                                PostalAddress.of("Hauptstr. 1", "10115", "Berlin", "DE"), ContactPointType.BILLING));

        assertThat(access.assignTerritory(account.id())).contains(berlin.id());
        assertThat(crm.parties().account(account.id()).territory()).contains(berlin.id());
    }

    @Test
    void anAccountNoTerritoryMatchesKeepsItsTerritory() {
        access.defineTerritory("France", 1, List.of(TerritoryRule.country("FR")));
        Account account = crm.parties()
                .registerAccount(NewAccount.of("ACME", user("owner").id()));

        assertThat(access.assignTerritory(account.id())).isEmpty();
        assertThat(crm.parties().account(account.id()).version()).isEqualTo(1);
    }

    @Test
    void canSeeAnswersFromTeamsAndTerritories() {
        User ann = user("ann");
        User bob = user("bob");
        User carl = user("carl");
        Team team = access.createTeam("Team", null);
        access.addTeamMember(team.id(), ann.id());
        access.addTeamMember(team.id(), bob.id());
        Territory north = access.defineTerritory("North", 1, List.of(TerritoryRule.any()));
        access.addTerritoryMember(north.id(), carl.id());

        assertThat(access.canSee(ann.id(), bob.id(), null)).isTrue();
        assertThat(access.canSee(carl.id(), bob.id(), null)).isFalse();
        assertThat(access.canSee(carl.id(), bob.id(), north.id())).isTrue();
        access.deactivateUser(carl.id());
        assertThat(access.canSee(carl.id(), bob.id(), north.id())).isFalse();
    }

    @Test
    void aBadTerritoryIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> access.defineTerritory(" ", 1, List.of(TerritoryRule.any())))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(access.territories()).isEmpty();
        assertThat(delivered).isEmpty();
    }
}
