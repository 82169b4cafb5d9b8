package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaigns under a sharing model: owned by the user who planned them, read and changed as owned records where the
 * model restricts them; their members read through the campaign and only where the contact is visible too.
 */
class CampaignAccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final SharingModel PRIVATE_CAMPAIGNS =
            SharingModel.openToAll().withDefault(RecordType.CAMPAIGN, DefaultAccess.PRIVATE);
    private static final SharingModel READ_CAMPAIGNS =
            SharingModel.openToAll().withDefault(RecordType.CAMPAIGN, DefaultAccess.READ);

    private final ActingUsers users = new ActingUsers(CLOCK);
    private User north;
    private User south;
    private User manager;
    private Team sales;
    private Campaign northCampaign;
    private Campaign companyCampaign;
    private RecordRef northContact;
    private RecordRef southContact;

    @BeforeEach
    void anActiveCampaignOfOneSalespersonWithTwoMembersAndOneOfTheCompany() {
        Crm crm = users.crm(SharingModel.openToAll());
        north = ActingUsers.user(crm.access(), "north", Role.SALES);
        south = ActingUsers.user(crm.access(), "south", Role.SALES);
        manager = ActingUsers.user(crm.access(), "manager", Role.MANAGER);
        sales = crm.access().createTeam("Sales", manager.id());
        crm.access().addTeamMember(sales.id(), north.id());
        northContact = RecordRef.contact(crm.parties()
                .registerContact(NewContact.of(PersonName.of("Nora", "North"), north.id()))
                .id());
        southContact = RecordRef.contact(crm.parties()
                .registerContact(NewContact.of(PersonName.of("Sam", "South"), south.id()))
                .id());
        companyCampaign = crm.campaigns().plan(spring("Company"));
        users.actAs(north);
        northCampaign = crm.campaigns().plan(spring("North"));
        crm.campaigns().activate(northCampaign.id());
        crm.campaigns().addMembers(northCampaign.id(), List.of(northContact, southContact));
        users.actAs(Actor.SYSTEM);
    }

    private static NewCampaign spring(String name) {
        return NewCampaign.of(
                name,
                CampaignType.EMAIL,
                CampaignPeriod.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                Money.of("1000.00", "EUR"));
    }

    @Test
    void aCampaignIsOwnedByItsPlannerUnlessGivenAnOwnerAndByNobodyWhenTheSystemPlannedIt() {
        Crm crm = users.crm(SharingModel.openToAll());
        users.actAs(north);

        Campaign forSouth = crm.campaigns().plan(spring("For south").ownedBy(south.id()));

        assertThat(northCampaign.owner()).isEqualTo(north.id());
        assertThat(companyCampaign.owner()).isNull();
        assertThat(forSouth.owner()).isEqualTo(south.id());
        assertThat(crm.campaigns().findCampaign(forSouth.id()).orElseThrow().owner())
                .isEqualTo(south.id());
    }

    @Test
    void aPrivateCampaignIsNotFoundByOthersInAnyQueryOrChange() {
        Crm crm = users.crm(PRIVATE_CAMPAIGNS);
        users.actAs(south);

        assertThat(crm.campaigns().findCampaign(northCampaign.id())).isEmpty();
        assertThat(crm.campaigns().activeCampaigns(PageRequest.first(20)).totalElements())
                .isZero();
        assertThat(crm.campaigns()
                        .campaignsOf(southContact, PageRequest.first(20))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> crm.campaigns().members(northCampaign.id(), null, 10))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.campaigns().memberCounts(northCampaign.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.campaigns().member(northCampaign.id(), southContact))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.campaigns().complete(northCampaign.id()))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.campaigns().addMembers(northCampaign.id(), List.of(southContact)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> crm.campaigns().recordResponse(northCampaign.id(), southContact))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aPrivateCampaignIsReadAndChangedByItsOwnerAndTheUsersAboveIt() {
        Crm crm = users.crm(PRIVATE_CAMPAIGNS);

        users.actAs(north);
        assertThat(crm.campaigns().activeCampaigns(PageRequest.first(20)).items())
                .extracting(Campaign::id)
                .containsExactly(northCampaign.id());
        users.actAs(manager);
        assertThat(crm.campaigns()
                        .campaignsOf(southContact, PageRequest.first(20))
                        .items())
                .extracting(Campaign::id)
                .containsExactly(northCampaign.id());
        assertThat(crm.campaigns()
                        .recordResponse(northCampaign.id(), northContact)
                        .hasResponded())
                .isTrue();
        assertThat(crm.campaigns().complete(northCampaign.id()).owner()).isEqualTo(north.id());
    }

    @Test
    void aCampaignWithoutAnOwnerIsReachedByAdministratorsAndThroughShares() {
        Crm crm = users.crm(PRIVATE_CAMPAIGNS);
        User admin = ActingUsers.user(crm.access(), "admin", Role.ADMIN);

        users.actAs(south);
        assertThat(crm.campaigns().findCampaign(companyCampaign.id())).isEmpty();
        users.actAs(admin);
        assertThat(crm.campaigns().findCampaign(companyCampaign.id())).isPresent();
        crm.access()
                .shareWithUser(RecordRef.of(RecordType.CAMPAIGN, companyCampaign.id()), south.id(), ShareAccess.READ);
        users.actAs(south);
        assertThat(crm.campaigns().findCampaign(companyCampaign.id())).isPresent();
        assertThatThrownBy(() -> crm.campaigns().activate(companyCampaign.id()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("CAMPAIGN " + companyCampaign.id());
    }

    @Test
    void aCampaignReadByEveryoneIsChangedOnlyByItsOwnerAndAbove() {
        Crm crm = users.crm(READ_CAMPAIGNS);

        users.actAs(south);
        assertThat(crm.campaigns().activeCampaigns(PageRequest.first(20)).items())
                .extracting(Campaign::id)
                .containsExactly(northCampaign.id());
        assertThat(crm.campaigns().memberCounts(northCampaign.id()).total()).isEqualTo(2);
        assertThatThrownBy(() -> crm.campaigns().recordResponse(northCampaign.id(), southContact))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("user " + south.id());
        assertThatThrownBy(() -> crm.campaigns().complete(northCampaign.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.campaigns().changeableCampaign(northCampaign.id()))
                .isInstanceOf(AccessDeniedException.class);
        users.actAs(north);
        assertThat(crm.campaigns().changeableCampaign(northCampaign.id()).id()).isEqualTo(northCampaign.id());
        assertThat(crm.campaigns()
                        .recordResponse(northCampaign.id(), southContact)
                        .hasResponded())
                .isTrue();
    }

    @Test
    void aMemberShowsOnlyWhenItsContactIsVisibleWhileTheCountsAreOfTheWholeCampaign() {
        Crm crm = users.crm(SharingModel.every(DefaultAccess.PRIVATE));

        users.actAs(south);
        assertThat(crm.campaigns().members(northCampaign.id(), null, 10))
                .extracting(CampaignMember::member)
                .containsExactly(southContact);
        assertThat(crm.campaigns().member(northCampaign.id(), northContact)).isEmpty();
        assertThat(crm.campaigns().memberCounts(northCampaign.id()).total()).isEqualTo(2);
        assertThatThrownBy(() -> crm.campaigns().recordResponse(northCampaign.id(), northContact))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("member");
        assertThatThrownBy(() -> crm.campaigns().addMembers(northCampaign.id(), List.of(northContact)))
                .isInstanceOf(RecordNotFoundException.class);
        users.actAs(Actor.SYSTEM);
        assertThat(crm.campaigns().members(northCampaign.id(), null, 10)).hasSize(2);
    }
}
