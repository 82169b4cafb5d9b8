package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordVisibilityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final ActingUsers users = new ActingUsers(CLOCK);
    private User north;
    private User south;
    private User manager;
    private Territory northTerritory;
    private Contact northCustomer;
    private Contact southCustomer;

    private Crm crm(SharingModel model) {
        return users.crm(model);
    }

    @BeforeEach
    void twoSalespeopleInTwoTerritoriesAndTheirManager() {
        Access access = crm(SharingModel.openToAll()).access();
        north = ActingUsers.user(access, "north", Role.SALES);
        south = ActingUsers.user(access, "south", Role.SALES);
        manager = ActingUsers.user(access, "manager", Role.MANAGER);
        Team sales = access.createTeam("Sales", manager.id());
        access.addTeamMember(sales.id(), north.id());
        access.addTeamMember(sales.id(), south.id());
        northTerritory = access.defineTerritory("North", 1, List.of(TerritoryRule.country("DE")));
        Territory southTerritory = access.defineTerritory("South", 2, List.of(TerritoryRule.country("IT")));
        access.addTerritoryMember(northTerritory.id(), north.id());
        access.addTerritoryMember(southTerritory.id(), south.id());
        Parties parties = crm(SharingModel.openToAll()).parties();
        northCustomer = parties.registerContact(
                NewContact.of(PersonName.of("Nora", "Customer"), manager.id()).withTerritory(northTerritory.id()));
        southCustomer = parties.registerContact(
                NewContact.of(PersonName.of("Sven", "Customer"), manager.id()).withTerritory(southTerritory.id()));
    }

    private void actAs(User user) {
        users.actAs(user);
    }

    private List<Contact> customersSeenBy(Crm crm, User user) {
        actAs(user);
        return crm.parties().contactsNamed("Customer", PageRequest.first(20)).items();
    }

    @Test
    void aSalespersonSeesOnlyTheCustomersOfItsTerritoryAndTheManagerSeesBoth() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));

        assertThat(customersSeenBy(crm, north)).extracting(Contact::id).containsExactly(northCustomer.id());
        assertThat(customersSeenBy(crm, south)).extracting(Contact::id).containsExactly(southCustomer.id());
        assertThat(customersSeenBy(crm, manager))
                .extracting(Contact::id)
                .containsExactlyInAnyOrder(northCustomer.id(), southCustomer.id());
    }

    @Test
    void aRecordTheUserMayNotSeeReadsAsNotFoundAndCannotBeChanged() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        actAs(north);

        assertThat(crm.parties().findContact(southCustomer.id())).isEmpty();
        assertThatThrownBy(() -> crm.parties().renameContact(southCustomer.id(), PersonName.of("Sven", "Renamed")))
                .isInstanceOf(RecordNotFoundException.class);
        users.actAs(Actor.SYSTEM);
        assertThat(crm.parties().contact(southCustomer.id()).name().lastName()).isEqualTo("Customer");
    }

    @Test
    void aRecordReadableByDefaultIsRefusedForChangeNamingTheRecordAndTheUser() {
        Crm crm = crm(SharingModel.every(DefaultAccess.READ));
        actAs(north);

        assertThat(crm.parties().contact(southCustomer.id()).id()).isEqualTo(southCustomer.id());
        assertThatThrownBy(() -> crm.parties().renameContact(southCustomer.id(), PersonName.of("Sven", "Renamed")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(north.id().toString())
                .hasMessageContaining(southCustomer.id().toString())
                .satisfies(
                        e -> assertThat(((AccessDeniedException) e).errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
        assertThat(crm.parties()
                        .renameContact(northCustomer.id(), PersonName.of("Nora", "Renamed"))
                        .name()
                        .lastName())
                .isEqualTo("Renamed");
    }

    @Test
    void anExplicitShareLetsTheGranteeReadAndWithReadWriteChange() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        RecordRef southRef = RecordRef.contact(southCustomer.id());
        actAs(south);
        crm.access().shareWithUser(southRef, north.id(), ShareAccess.READ);
        actAs(north);

        assertThat(customersSeenBy(crm, north)).hasSize(2);
        assertThatThrownBy(() -> crm.parties().renameContact(southCustomer.id(), PersonName.of("Sven", "Shared")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.access().shareWithUser(southRef, north.id(), ShareAccess.READ_WRITE))
                .isInstanceOf(AccessDeniedException.class);

        actAs(south);
        crm.access().shareWithUser(southRef, north.id(), ShareAccess.READ_WRITE);
        actAs(north);
        assertThat(crm.parties()
                        .renameContact(southCustomer.id(), PersonName.of("Sven", "Shared"))
                        .name()
                        .lastName())
                .isEqualTo("Shared");
        assertThat(crm.access().sharesOf(southRef)).hasSize(1);

        actAs(south);
        assertThat(crm.access().unshare(southRef, north.id().value())).isTrue();
        assertThat(customersSeenBy(crm, north)).extracting(Contact::id).containsExactly(northCustomer.id());
    }

    @Test
    void aTeamShareReachesEveryMemberOfTheTeam() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        users.actAs(Actor.SYSTEM);
        Team northOnly = crm.access().createTeam("North desk", null);
        crm.access().addTeamMember(northOnly.id(), north.id());
        crm.access().shareWithTeam(RecordRef.contact(southCustomer.id()), northOnly.id(), ShareAccess.READ);

        assertThat(customersSeenBy(crm, north)).hasSize(2);
    }

    @Test
    void theManagerHierarchyReachesDownThroughTheTeamsItsMembersLead() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        users.actAs(Actor.SYSTEM);
        User director = ActingUsers.user(crm.access(), "director", Role.MANAGER);
        Team managers = crm.access().createTeam("Managers", director.id());
        crm.access().addTeamMember(managers.id(), manager.id());

        assertThat(crm.access().visibilityOf(director.id()).owners()).contains(manager.id(), north.id(), south.id());
        assertThat(customersSeenBy(crm, director)).hasSize(2);
    }

    @Test
    void theDefaultModelRestrictsNothingSoExistingHostsKeepWorking() {
        Crm crm = crm(SharingModel.openToAll());

        assertThat(customersSeenBy(crm, north)).hasSize(2);
        assertThat(crm.parties()
                        .renameContact(southCustomer.id(), PersonName.of("Sven", "Open"))
                        .name()
                        .lastName())
                .isEqualTo("Open");
    }

    @Test
    void anActorThatIsNoUserIsRefusedOnceTheModelRestricts() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        users.actAs(Actor.of("host-user-7", "Host user"));

        assertThatThrownBy(() -> crm.parties().contactsNamed("Customer", PageRequest.first(20)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("host-user-7");
    }

    @Test
    void anAdministratorSeesEverythingAndTheDefaultOfOneTypeLeavesTheOthersAlone() {
        Crm crm = crm(SharingModel.openToAll().withDefault(RecordType.CONTACT, DefaultAccess.PRIVATE));
        users.actAs(Actor.SYSTEM);
        User admin = ActingUsers.user(crm.access(), "admin", Role.ADMIN);

        assertThat(customersSeenBy(crm, admin)).hasSize(2);
        assertThat(crm.access().sharingModel().defaultAccess(RecordType.ACCOUNT))
                .isEqualTo(DefaultAccess.READ_WRITE);
    }

    @Test
    void aDuplicateScanComparesOnlyTheRecordsTheUserMaySee() {
        Crm crm = crm(SharingModel.every(DefaultAccess.PRIVATE));
        EmailAddress shared = EmailAddress.of("orders@south.example");
        for (String first : List.of("Sven", "Svenja")) {
            crm.parties()
                    .registerContact(NewContact.of(PersonName.of(first, "Twin"), manager.id())
                            .withEmail(shared, ContactPointType.WORK));
        }

        actAs(north);
        assertThat(crm.duplicates().scanContacts().clusters()).isEmpty();
        assertThat(crm.duplicates().scanContacts().recordsRead()).isEqualTo(1);
        actAs(manager);
        assertThat(crm.duplicates().scanContacts().clusters()).hasSize(1);
    }
}
