package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignState;
import org.crmkit.core.marketing.CampaignStatus;
import org.crmkit.core.spi.CampaignRepository;
import org.crmkit.testkit.fixtures.CampaignMother;
import org.junit.jupiter.api.Test;

/** What every {@link CampaignRepository} must do. Extend it and implement {@link #createStorage}. */
public abstract class CampaignRepositoryContract extends StorageContract {

    private CampaignRepository campaigns() {
        return storage.campaigns();
    }

    private Campaign save(Campaign campaign) {
        return storage.transactions().inTransaction(() -> campaigns().save(campaign));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Campaign activeCampaign(LocalDate start, LocalDate end) {
        Campaign campaign = CampaignMother.aCampaignRunning(TENANT_A, ids, clock, start, end);
        campaign.activate(CampaignMother.MARKETER, clock);
        return save(campaign);
    }

    private void addMembers(Campaign campaign, RecordRef... members) {
        storage.transactions()
                .inTransaction(
                        () -> storage.campaignMembers().addAll(TENANT_A, campaign.newMembers(List.of(members), clock)));
    }

    private static List<CampaignId> idsOf(Page<Campaign> page) {
        return page.items().stream().map(Campaign::id).toList();
    }

    @Test
    void savedCampaignComesBackWithEveryField() {
        Campaign campaign =
                CampaignMother.aCampaignOwnedBy(TENANT_A, ids, clock, today(), today().plusDays(29), UserId.next(ids));
        campaign.activate(CampaignMother.MARKETER, clock);
        campaign.recordCost("Design", Money.of("800.50", "EUR"), today(), clock);
        campaign.recordCost("Sending", Money.of("99.99", "EUR"), today().plusDays(1), clock);
        campaign.abort("Merged into the summer campaign", CampaignMother.MARKETER, clock);

        save(campaign);

        Campaign stored = campaigns().findById(TENANT_A, campaign.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(campaign.state().withVersion(1));
        assertThat(stored.actualCost()).isEqualTo(Money.of("900.49", "EUR"));
    }

    @Test
    void newCampaignWithoutCostsRoundTrips() {
        Campaign campaign = CampaignMother.aCampaign(TENANT_A, ids, clock);

        save(campaign);

        CampaignState stored =
                campaigns().findById(TENANT_A, campaign.id()).orElseThrow().state();
        assertThat(stored).isEqualTo(campaign.state().withVersion(1));
        assertThat(stored.costs()).isEmpty();
        assertThat(stored.abortReason()).isNull();
    }

    @Test
    void activeCampaignsOnADayComeByStartThenIdAcrossPages() {
        LocalDate day = today();
        Campaign earliest = activeCampaign(day.minusDays(10), day);
        Campaign tieA = activeCampaign(day.minusDays(2), day.plusDays(2));
        Campaign tieB = activeCampaign(day.minusDays(2), day.plusDays(5));
        Campaign startsToday = activeCampaign(day, day);
        activeCampaign(day.plusDays(1), day.plusDays(3));
        activeCampaign(day.minusDays(5), day.minusDays(1));
        save(CampaignMother.aCampaignRunning(TENANT_A, ids, clock, day, day));
        Campaign completed = CampaignMother.aCampaignRunning(TENANT_A, ids, clock, day, day);
        completed.activate(CampaignMother.MARKETER, clock);
        completed.complete(CampaignMother.MARKETER, clock);
        save(completed);
        List<CampaignId> ties = tieA.id().value().compareTo(tieB.id().value()) < 0
                ? List.of(tieA.id(), tieB.id())
                : List.of(tieB.id(), tieA.id());

        Page<Campaign> first = campaigns().findActiveOn(TENANT_A, day, PageRequest.of(0, 3));
        Page<Campaign> second = campaigns().findActiveOn(TENANT_A, day, PageRequest.of(1, 3));

        assertThat(idsOf(first)).containsExactly(earliest.id(), ties.get(0), ties.get(1));
        assertThat(first.totalElements()).isEqualTo(4);
        assertThat(first.hasNext()).isTrue();
        assertThat(idsOf(second)).containsExactly(startsToday.id());
    }

    @Test
    void campaignsOfAMemberComeByStartInEveryStatus() {
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        Campaign later =
                save(CampaignMother.aCampaignRunning(TENANT_A, ids, clock, today().plusDays(5), today().plusDays(9)));
        addMembers(later, contact);
        Campaign earlier = CampaignMother.aCampaignRunning(TENANT_A, ids, clock, today(), today());
        addMembers(earlier, contact, RecordRef.contact(ContactId.next(ids)));
        earlier.abort("Cancelled", CampaignMother.MARKETER, clock);
        save(earlier);
        Campaign other = save(CampaignMother.aCampaign(TENANT_A, ids, clock));
        addMembers(other, RecordRef.lead(LeadId.next(ids)));

        assertThat(idsOf(campaigns().findByMember(TENANT_A, contact, PageRequest.first(10))))
                .containsExactly(earlier.id(), later.id());
        assertThat(idsOf(campaigns().findByMember(TENANT_A, contact, PageRequest.of(1, 1))))
                .containsExactly(later.id());
    }

    @Test
    void memberAddedLaterIsFoundAfterTheUpdate() {
        Campaign stored = save(CampaignMother.aCampaign(TENANT_A, ids, clock));
        RecordRef lead = RecordRef.lead(LeadId.next(ids));
        assertThat(campaigns()
                        .findByMember(TENANT_A, lead, PageRequest.first(5))
                        .items())
                .isEmpty();

        addMembers(stored, lead);

        assertThat(idsOf(campaigns().findByMember(TENANT_A, lead, PageRequest.first(5))))
                .containsExactly(stored.id());
    }

    @Test
    void secondWriterOfTheSameVersionGetsAStaleVersion() {
        Campaign stored = save(CampaignMother.aCampaign(TENANT_A, ids, clock));
        Campaign first = campaigns().findById(TENANT_A, stored.id()).orElseThrow();
        Campaign second = campaigns().findById(TENANT_A, stored.id()).orElseThrow();
        first.activate(CampaignMother.MARKETER, clock);
        second.abort("Changed plans", CampaignMother.MARKETER, clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(campaigns().findById(TENANT_A, stored.id()).orElseThrow().status())
                .isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void campaignOfOneTenantIsInvisibleAndUntouchableFromAnother() {
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        Campaign campaign = CampaignMother.aCampaign(TENANT_A, ids, clock);
        campaign.activate(CampaignMother.MARKETER, clock);
        Campaign stored = save(campaign);
        addMembers(stored, contact);
        CampaignState s = stored.state();
        Campaign intruder = Campaign.restore(new CampaignState(
                TENANT_B,
                s.id(),
                s.version(),
                "Hijacked",
                s.type(),
                null,
                s.period(),
                s.budget(),
                s.status(),
                List.of(),
                s.plannedAt(),
                s.plannedBy(),
                s.statusChangedAt(),
                null,
                s.owner()));

        assertThat(campaigns().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(campaigns()
                        .findActiveOn(TENANT_B, today(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(campaigns()
                        .findByMember(TENANT_B, contact, PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> save(intruder))
                .isInstanceOfAny(RecordNotFoundException.class, StaleVersionException.class);
        assertThat(campaigns().findById(TENANT_A, stored.id()).orElseThrow().state())
                .isEqualTo(stored.state());
    }

    @Test
    void concurrentCostBookingsAreNotLost() throws InterruptedException {
        Campaign stored = save(CampaignMother.aCampaign(TENANT_A, ids, clock));
        int writers = 6;
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            work.add(() -> {
                while (true) {
                    try {
                        storage.transactions().inTransaction(() -> {
                            Campaign current =
                                    campaigns().findById(TENANT_A, stored.id()).orElseThrow();
                            current.recordCost("Ad slot", Money.of("10.00", "EUR"), today(), clock);
                            return campaigns().save(current);
                        });
                        return null;
                    } catch (StaleVersionException retry) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(work)).allMatch(Outcome::succeeded);

        Campaign result = campaigns().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(result.costs()).hasSize(writers);
        assertThat(result.actualCost()).isEqualTo(Money.of("60.00", "EUR"));
        assertThat(result.version()).isEqualTo(1 + writers);
    }
}
