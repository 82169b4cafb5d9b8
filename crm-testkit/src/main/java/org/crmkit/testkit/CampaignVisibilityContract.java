package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.spi.CampaignMemberRepository;
import org.crmkit.core.spi.CampaignRepository;
import org.crmkit.testkit.fixtures.CampaignMother;
import org.crmkit.testkit.fixtures.LeadMother;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the campaign and campaign member repositories must do, query by query:
 * campaigns have an owner and no territory, so the owner, its team and manager hierarchy, and shares decide (one
 * without an owner is reached through a share only); a member is visible when its campaign is and the contact or lead
 * it is is visible too, and the counts of a visible campaign are of all its members. Pages are full and totals count
 * visible campaigns only. Extend it and supply the storage.
 */
public abstract class CampaignVisibilityContract extends ChildRecordFixture {

    private static final int VISIBLE = 5;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An ACTIVE campaign of the owner, starting {@code daysAgo} days ago and running a month from today. */
    private Campaign saveCampaign(UserId owner, int daysAgo) {
        Campaign campaign = CampaignMother.aCampaignOwnedBy(
                TENANT_A, ids, clock, today().minusDays(daysAgo), today().plusDays(30), owner);
        campaign.activate(CampaignMother.MARKETER, clock);
        return inTransaction(() -> storage.campaigns().save(campaign));
    }

    private void addMembers(CampaignId campaign, List<RecordRef> members) {
        List<CampaignMember> joining = members.stream()
                .map(member -> CampaignMember.targeted(campaign, member, clock.instant()))
                .toList();
        inTransaction(() -> storage.campaignMembers().addAll(TENANT_A, joining));
    }

    private RecordRef saveLeadOf(UserId owner) {
        Lead lead = LeadMother.aLead(TENANT_A, ids, clock);
        lead.assignTo(owner, clock);
        return RecordRef.lead(inTransaction(() -> storage.leads().save(lead)).id());
    }

    @Test
    void everyCampaignQuerySeesOnlyTheVisibleCampaignsInFullPages() {
        // own, the mate's, shared with the viewer, shared with its team, own again; then hidden ones
        List<UserId> owners = new ArrayList<>(List.of(viewer.id(), mate.id(), stranger, stranger, viewer.id()));
        for (int i = 0; i < HIDDEN; i++) {
            owners.add(i % 2 == 0 ? stranger : null);
        }
        List<Campaign> stored = new ArrayList<>();
        for (UserId owner : owners) {
            stored.add(saveCampaign(owner, 40 - stored.size()));
        }
        share(RecordRef.of(RecordType.CAMPAIGN, stored.get(2).id()), viewer.id());
        share(RecordRef.of(RecordType.CAMPAIGN, stored.get(3).id()), team.id());
        RecordRef member = RecordRef.contact(visibleContact);
        stored.forEach(campaign -> addMembers(campaign.id(), List.of(member)));
        CampaignRepository campaigns = storage.campaigns().visibleTo(visibility);

        for (int i = 0; i < stored.size(); i++) {
            assertThat(campaigns.findById(TENANT_A, stored.get(i).id()).isPresent())
                    .as("campaign %d", i)
                    .isEqualTo(i < VISIBLE);
        }
        assertThat(campaigns
                        .findById(TENANT_A, stored.get(1).id())
                        .orElseThrow()
                        .owner())
                .isEqualTo(mate.id());
        assertThat(ids(
                        campaigns
                                .findActiveOn(TENANT_A, today(), PageRequest.first(50))
                                .items(),
                        Campaign::id))
                .containsExactlyElementsOf(ids(stored.subList(0, VISIBLE), Campaign::id));
        assertFullPages(page -> campaigns.findActiveOn(TENANT_A, today(), page), VISIBLE);
        assertThat(ids(
                        campaigns
                                .findByMember(TENANT_A, member, PageRequest.first(50))
                                .items(),
                        Campaign::id))
                .containsExactlyElementsOf(ids(stored.subList(0, VISIBLE), Campaign::id));
        assertFullPages(page -> campaigns.findByMember(TENANT_A, member, page), VISIBLE);
        assertThat(campaigns
                        .findActiveOn(TENANT_B, today(), PageRequest.first(50))
                        .items())
                .isEmpty();
        User admin = User.register(TENANT_A, UserId.next(ids), "Admin", EMAIL, List.of(Role.ADMIN), clock);
        assertThat(storage.campaigns()
                        .visibleTo(Visibility.of(admin, List.of(), List.of()))
                        .findActiveOn(TENANT_A, today(), PageRequest.first(50))
                        .totalElements())
                .isEqualTo(stored.size());
    }

    @Test
    void everyMemberQuerySeesVisibleContactsAndLeadsOfVisibleCampaignsOnly() {
        Campaign visibleCampaign = saveCampaign(viewer.id(), 3);
        Campaign hiddenCampaign = saveCampaign(stranger, 2);
        RecordRef contact = RecordRef.contact(visibleContact);
        RecordRef hiddenPerson = RecordRef.contact(hiddenContact);
        RecordRef hiddenLead = saveLeadOf(stranger);
        List<RecordRef> visibleMembers = new ArrayList<>(List.of(contact, visibleLead));
        List<RecordRef> everyone = new ArrayList<>(List.of(contact, visibleLead, hiddenPerson, hiddenLead));
        for (int i = 0; i < 4; i++) {
            RecordRef mine = RecordRef.contact(saveContact(viewer.id()));
            RecordRef strangers = RecordRef.contact(saveContact(stranger));
            visibleMembers.add(mine);
            everyone.add(mine);
            everyone.add(strangers);
        }
        addMembers(visibleCampaign.id(), everyone);
        addMembers(hiddenCampaign.id(), everyone);
        CampaignMemberRepository members = storage.campaignMembers().visibleTo(visibility);

        List<RecordRef> read = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        RecordRef after = null;
        List<CampaignMember> page;
        do {
            page = members.findAfter(TENANT_A, visibleCampaign.id(), after, 2);
            page.forEach(found -> read.add(found.member()));
            pageSizes.add(page.size());
            after = page.isEmpty() ? null : page.get(page.size() - 1).member();
        } while (page.size() == 2);
        assertThat(read).containsExactlyInAnyOrderElementsOf(visibleMembers);
        assertThat(pageSizes).containsExactly(2, 2, 2, 0);
        assertThat(members.findAfter(TENANT_A, hiddenCampaign.id(), null, 50)).isEmpty();
        assertThat(members.find(TENANT_A, visibleCampaign.id(), contact)).isPresent();
        assertThat(members.find(TENANT_A, visibleCampaign.id(), visibleLead)).isPresent();
        assertThat(members.find(TENANT_A, visibleCampaign.id(), hiddenPerson)).isEmpty();
        assertThat(members.find(TENANT_A, visibleCampaign.id(), hiddenLead)).isEmpty();
        assertThat(members.find(TENANT_A, hiddenCampaign.id(), contact)).isEmpty();
        assertThat(members.findByMember(TENANT_A, contact))
                .extracting(CampaignMember::campaign)
                .containsExactly(visibleCampaign.id());
        assertThat(members.findByMember(TENANT_A, hiddenPerson)).isEmpty();
        assertThat(members.count(TENANT_A, visibleCampaign.id()).of(CampaignMemberStatus.TARGETED))
                .isEqualTo(everyone.size());
        assertThat(members.count(TENANT_A, visibleCampaign.id()).total()).isEqualTo(everyone.size());
        assertThat(members.count(TENANT_A, hiddenCampaign.id()).total()).isZero();
        assertThat(members.count(TENANT_B, visibleCampaign.id()).total()).isZero();
    }

    @Test
    void aTypeReadByEveryoneLetsItsMembersThrough() {
        Campaign visibleCampaign = saveCampaign(viewer.id(), 3);
        Campaign hiddenCampaign = saveCampaign(stranger, 2);
        RecordRef contact = RecordRef.contact(visibleContact);
        RecordRef hiddenPerson = RecordRef.contact(hiddenContact);
        addMembers(visibleCampaign.id(), List.of(contact, hiddenPerson));
        addMembers(hiddenCampaign.id(), List.of(contact, hiddenPerson));

        CampaignMemberRepository everyContact =
                storage.campaignMembers().visibleTo(visibility.readingEvery(List.of(RecordType.CONTACT)));
        CampaignMemberRepository everyCampaign =
                storage.campaignMembers().visibleTo(visibility.readingEvery(List.of(RecordType.CAMPAIGN)));

        assertThat(everyContact.findAfter(TENANT_A, visibleCampaign.id(), null, 10))
                .extracting(CampaignMember::member)
                .containsExactlyInAnyOrder(contact, hiddenPerson);
        assertThat(everyContact.findAfter(TENANT_A, hiddenCampaign.id(), null, 10))
                .isEmpty();
        assertThat(everyCampaign.findByMember(TENANT_A, contact))
                .extracting(CampaignMember::campaign)
                .containsExactlyInAnyOrder(visibleCampaign.id(), hiddenCampaign.id());
        assertThat(everyCampaign.findByMember(TENANT_A, hiddenPerson)).isEmpty();
        assertThat(everyCampaign.count(TENANT_A, hiddenCampaign.id()).of(CampaignMemberStatus.TARGETED))
                .isEqualTo(2);
    }
}
