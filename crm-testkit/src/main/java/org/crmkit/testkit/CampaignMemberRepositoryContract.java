package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberCounts;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.CampaignMemberStatusChanged;
import org.crmkit.core.spi.CampaignMemberRepository;
import org.crmkit.testkit.fixtures.CampaignMother;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CampaignMemberRepository} must do: members apart from their campaign, one record per campaign and
 * member with its own version, keyset pages in member order, counts by status, tenant isolation, and responses
 * recorded by several threads at once on one campaign without a lost update. Extend it and implement {@link
 * #createStorage}.
 */
public abstract class CampaignMemberRepositoryContract extends StorageContract {

    private CampaignMemberRepository members() {
        return storage.campaignMembers();
    }

    private Campaign activeCampaign() {
        Campaign campaign = CampaignMother.aCampaign(TENANT_A, ids, clock);
        campaign.activate(CampaignMother.MARKETER, clock);
        return storage.transactions().inTransaction(() -> storage.campaigns().save(campaign));
    }

    private List<CampaignMember> add(Campaign campaign, List<RecordRef> people) {
        return storage.transactions()
                .inTransaction(() -> members().addAll(TENANT_A, campaign.newMembers(people, clock)));
    }

    private List<RecordRef> contacts(int count) {
        List<RecordRef> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(RecordRef.contact(ContactId.next(ids)));
        }
        return contacts;
    }

    private CampaignMember update(CampaignMember member) {
        return storage.transactions().inTransaction(() -> members().update(TENANT_A, member));
    }

    @Test
    void addedMembersComeBackWithEveryFieldAtVersionOne() {
        Campaign campaign = activeCampaign();
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        RecordRef lead = RecordRef.lead(LeadId.next(ids));

        List<CampaignMember> added = add(campaign, List.of(contact, lead));

        assertThat(added).extracting(CampaignMember::member).containsExactly(contact, lead);
        assertThat(added).allMatch(member -> member.version() == 1);
        assertThat(members().find(TENANT_A, campaign.id(), contact)).hasValue(added.get(0));
        assertThat(members().find(TENANT_A, campaign.id(), lead))
                .hasValue(CampaignMember.targeted(campaign.id(), lead, clock.instant())
                        .withVersion(1));
    }

    @Test
    void membersAlreadyStoredOrGivenTwiceAreLeftOut() {
        Campaign campaign = activeCampaign();
        List<RecordRef> people = contacts(3);
        add(campaign, people.subList(0, 2));
        CampaignMember responded =
                update(campaign.moveMember(find(campaign, people.get(0)), CampaignMemberStatus.RESPONDED, clock));

        List<CampaignMember> again = storage.transactions()
                .inTransaction(() -> members()
                        .addAll(
                                TENANT_A,
                                List.of(
                                        CampaignMember.targeted(campaign.id(), people.get(0), clock.instant()),
                                        CampaignMember.targeted(campaign.id(), people.get(2), clock.instant()),
                                        CampaignMember.targeted(campaign.id(), people.get(2), clock.instant()))));

        assertThat(again).extracting(CampaignMember::member).containsExactly(people.get(2));
        assertThat(find(campaign, people.get(0))).isEqualTo(responded);
        assertThat(members().count(TENANT_A, campaign.id()).total()).isEqualTo(3);
    }

    @Test
    void membersComeInKeysetPagesByIdThenType() {
        Campaign campaign = activeCampaign();
        UUID shared = UUID.fromString("01900000-0000-7000-8000-000000000001");
        RecordRef sharedLead = RecordRef.lead(LeadId.of(shared));
        RecordRef sharedContact = RecordRef.contact(ContactId.of(shared));
        List<RecordRef> later = contacts(4);
        add(campaign, List.of(later.get(2), sharedLead, later.get(0), later.get(3), sharedContact, later.get(1)));
        Campaign other = activeCampaign();
        add(other, contacts(2));

        List<CampaignMember> first = members().findAfter(TENANT_A, campaign.id(), null, 4);
        List<CampaignMember> second =
                members().findAfter(TENANT_A, campaign.id(), first.get(3).member(), 4);
        List<CampaignMember> afterLead = members().findAfter(TENANT_A, campaign.id(), sharedContact, 1);

        assertThat(first)
                .extracting(CampaignMember::member)
                .containsExactly(sharedContact, sharedLead, later.get(0), later.get(1));
        assertThat(second).extracting(CampaignMember::member).containsExactly(later.get(2), later.get(3));
        assertThat(afterLead).extracting(CampaignMember::member).containsExactly(sharedLead);
        assertThat(members().findAfter(TENANT_A, campaign.id(), later.get(3), 4))
                .isEmpty();
    }

    @Test
    void membershipsOfAContactComeByCampaign() {
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        Campaign first = activeCampaign();
        Campaign second = activeCampaign();
        Campaign without = activeCampaign();
        add(second, List.of(contact));
        add(first, List.of(contact, RecordRef.contact(ContactId.next(ids))));
        add(without, contacts(1));

        assertThat(members().findByMember(TENANT_A, contact))
                .extracting(CampaignMember::campaign)
                .containsExactly(first.id(), second.id());
        assertThat(members().findByMember(TENANT_A, RecordRef.lead(LeadId.next(ids))))
                .isEmpty();
    }

    @Test
    void countsGoByStatusAndAResponseStaysCountedAfterAnUnsubscribe() {
        Campaign campaign = activeCampaign();
        List<RecordRef> people = contacts(5);
        add(campaign, people);
        clock.advance(Duration.ofHours(1));
        move(campaign, people.get(0), CampaignMemberStatus.SENT);
        move(campaign, people.get(1), CampaignMemberStatus.RESPONDED);
        move(campaign, people.get(2), CampaignMemberStatus.CONVERTED);
        move(campaign, people.get(3), CampaignMemberStatus.RESPONDED);
        move(campaign, people.get(3), CampaignMemberStatus.UNSUBSCRIBED);

        CampaignMemberCounts counts = members().count(TENANT_A, campaign.id());

        assertThat(counts.of(CampaignMemberStatus.TARGETED)).isEqualTo(1);
        assertThat(counts.of(CampaignMemberStatus.SENT)).isEqualTo(1);
        assertThat(counts.of(CampaignMemberStatus.RESPONDED)).isEqualTo(1);
        assertThat(counts.of(CampaignMemberStatus.CONVERTED)).isEqualTo(1);
        assertThat(counts.of(CampaignMemberStatus.UNSUBSCRIBED)).isEqualTo(1);
        assertThat(counts.of(CampaignMemberStatus.BOUNCED)).isZero();
        assertThat(counts.responses()).isEqualTo(3);
        assertThat(counts.total()).isEqualTo(5);
        assertThat(find(campaign, people.get(3)).respondedAt()).isEqualTo(clock.instant());
        assertThat(members().count(TENANT_A, activeCampaign().id())).isEqualTo(CampaignMemberCounts.none());
    }

    @Test
    void anUpdateOfAnOlderVersionIsStaleAndLeavesTheMemberAsItWas() {
        Campaign campaign = activeCampaign();
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        CampaignMember stored = add(campaign, List.of(contact)).get(0);
        CampaignMember sent = update(campaign.moveMember(stored, CampaignMemberStatus.SENT, clock));

        assertThatThrownBy(() -> update(campaign.moveMember(stored, CampaignMemberStatus.BOUNCED, clock)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(sent.version()).isEqualTo(2);
        assertThat(find(campaign, contact)).isEqualTo(sent);
        assertThatThrownBy(() -> update(
                        CampaignMember.targeted(campaign.id(), RecordRef.contact(ContactId.next(ids)), clock.instant())
                                .withVersion(1)))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aDeletedMemberIsGoneAndAFailedTransactionStoresNoMember() {
        Campaign campaign = activeCampaign();
        List<RecordRef> people = contacts(2);
        add(campaign, people.subList(0, 1));

        boolean deleted =
                storage.transactions().inTransaction(() -> members().delete(TENANT_A, campaign.id(), people.get(0)));
        boolean again =
                storage.transactions().inTransaction(() -> members().delete(TENANT_A, campaign.id(), people.get(0)));
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    members().addAll(TENANT_A, campaign.newMembers(people.subList(1, 2), clock));
                    throw new IllegalStateException("host failure after the add");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(deleted).isTrue();
        assertThat(again).isFalse();
        assertThat(members().find(TENANT_A, campaign.id(), people.get(0))).isEmpty();
        assertThat(members().find(TENANT_A, campaign.id(), people.get(1))).isEmpty();
        assertThat(members().findByMember(TENANT_A, people.get(0))).isEmpty();
    }

    @Test
    void membersOfOneTenantAreInvisibleAndUntouchableFromAnother() {
        Campaign campaign = activeCampaign();
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        CampaignMember stored = add(campaign, List.of(contact)).get(0);

        assertThat(members().find(TENANT_B, campaign.id(), contact)).isEmpty();
        assertThat(members().findAfter(TENANT_B, campaign.id(), null, 10)).isEmpty();
        assertThat(members().findByMember(TENANT_B, contact)).isEmpty();
        assertThat(members().count(TENANT_B, campaign.id()).total()).isZero();
        assertThatThrownBy(() ->
                        storage.transactions().inTransaction(() -> members().update(TENANT_B, stored)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(storage.transactions().inTransaction(() -> members().delete(TENANT_B, campaign.id(), contact)))
                .isFalse();
        assertThat(find(campaign, contact)).isEqualTo(stored);
    }

    @Test
    void responsesRecordedByManyThreadsOnOneCampaignAreAllKept() throws InterruptedException {
        Campaign campaign = activeCampaign();
        int threads = 4;
        int each = 15;
        List<RecordRef> people = contacts(threads * each);
        add(campaign, people);
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        Crm crm = crmRecording(TENANT_A, events);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<RecordRef> share = people.subList(t * each, (t + 1) * each);
            work.add(() -> {
                for (RecordRef member : share) {
                    crm.campaigns().recordResponse(campaign.id(), member);
                }
                return null;
            });
        }

        assertThat(concurrently(work)).allMatch(Outcome::succeeded);

        CampaignMemberCounts counts = crm.campaigns().memberCounts(campaign.id());
        assertThat(counts.of(CampaignMemberStatus.RESPONDED)).isEqualTo(threads * each);
        assertThat(counts.responses()).isEqualTo(threads * each);
        assertThat(counts.of(CampaignMemberStatus.TARGETED)).isZero();
        assertThat(members().findAfter(TENANT_A, campaign.id(), null, 100))
                .hasSize(threads * each)
                .allMatch(member -> member.version() == 2 && member.hasResponded());
        assertThat(events)
                .filteredOn(CampaignMemberStatusChanged.class::isInstance)
                .hasSize(threads * each);
        assertThat(crm.campaigns().findCampaign(campaign.id()).orElseThrow().version())
                .as("the campaign itself is not written by a response")
                .isEqualTo(campaign.version());
    }

    @Test
    void changesOfOneMemberRacingEachOtherLetOneWinAndTellTheOthers() throws InterruptedException {
        Campaign campaign = activeCampaign();
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        CampaignMember stored = add(campaign, List.of(contact)).get(0);
        List<CampaignMemberStatus> targets = List.of(
                CampaignMemberStatus.SENT,
                CampaignMemberStatus.RESPONDED,
                CampaignMemberStatus.BOUNCED,
                CampaignMemberStatus.CONVERTED);
        List<Callable<CampaignMember>> work = new ArrayList<>();
        for (CampaignMemberStatus target : targets) {
            CampaignMember moved = campaign.moveMember(stored, target, clock);
            work.add(() -> update(moved));
        }

        List<Outcome<CampaignMember>> outcomes = concurrently(work);

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes)
                .filteredOn(outcome -> !outcome.succeeded())
                .hasSize(targets.size() - 1)
                .allMatch(outcome -> outcome.failure() instanceof StaleVersionException);
        CampaignMember winner = outcomes.stream()
                .filter(Outcome::succeeded)
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(find(campaign, contact)).isEqualTo(winner);
        assertThat(winner.version()).isEqualTo(2);
    }

    private CampaignMember find(Campaign campaign, RecordRef member) {
        return members().find(TENANT_A, campaign.id(), member).orElseThrow();
    }

    private void move(Campaign campaign, RecordRef member, CampaignMemberStatus target) {
        update(campaign.moveMember(find(campaign, member), target, clock));
    }
}
