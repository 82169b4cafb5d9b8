package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignCostRecorded;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberCounts;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.CampaignMembersAdded;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignPlanned;
import org.crmkit.core.marketing.CampaignStatus;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final InMemoryStorage storage = InMemoryStorage.create(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<DomainEvent> published = new ArrayList<>();
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .eventListener(entry -> published.add(entry.event()))
            .build();
    private final RecordRef ann = RecordRef.contact(StoredRecords.contact(storage, Clock.fixed(NOW, ZoneOffset.UTC)));
    private final RecordRef bob = RecordRef.contact(StoredRecords.contact(storage, Clock.fixed(NOW, ZoneOffset.UTC)));

    private Campaign plan(String name, LocalDate start, LocalDate end) {
        return crm.campaigns()
                .plan(NewCampaign.of(
                        name, CampaignType.WEBINAR, CampaignPeriod.of(start, end), Money.of("500", "EUR")));
    }

    @Test
    void plannedCampaignIsStoredAndPublished() {
        Campaign campaign = plan("Product webinar", TODAY, TODAY.plusDays(7));

        assertThat(crm.campaigns().findCampaign(campaign.id()))
                .hasValueSatisfying(found -> assertThat(found.state()).isEqualTo(campaign.state()));
        assertThat(published).singleElement().isInstanceOf(CampaignPlanned.class);
    }

    @Test
    void campaignIsRunFromPlanToCompletionWithMembersResponsesAndCosts() {
        CampaignId id = plan("Product webinar", TODAY, TODAY.plusDays(7)).id();

        List<CampaignMember> added = crm.campaigns().addMembers(id, List.of(ann, bob, ann));
        crm.campaigns().activate(id);
        crm.campaigns().recordResponse(id, ann);
        CampaignMember converted = crm.campaigns().recordConversion(id, bob);
        crm.campaigns().recordCost(id, "Webinar tool", Money.of("150", "EUR"), TODAY);
        Campaign done = crm.campaigns().complete(id);

        assertThat(added).extracting(CampaignMember::member).containsExactly(ann, bob);
        assertThat(converted.status()).isEqualTo(CampaignMemberStatus.CONVERTED);
        assertThat(converted.version()).isEqualTo(2);
        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        CampaignMemberCounts counts = crm.campaigns().memberCounts(id);
        assertThat(counts.responses()).isEqualTo(2);
        assertThat(counts.conversions()).isEqualTo(1);
        assertThat(counts.of(CampaignMemberStatus.RESPONDED)).isEqualTo(1);
        assertThat(counts.total()).isEqualTo(2);
        assertThat(crm.campaigns().costPerResponse(id)).hasValue(Money.of("75.00", "EUR"));
        assertThat(crm.campaigns().member(id, ann).orElseThrow().respondedAt()).isEqualTo(NOW);
        assertThat(done.version())
                .as("members are stored apart: the campaign saved 4 times")
                .isEqualTo(4);
        assertThat(published)
                .hasSize(7)
                .anyMatch(CampaignMembersAdded.class::isInstance)
                .anyMatch(CampaignCostRecorded.class::isInstance);
    }

    @Test
    void activeCampaignsAreThoseActiveToday() {
        Campaign running = plan("Running", TODAY.minusDays(3), TODAY.plusDays(3));
        Campaign later = plan("Later", TODAY.plusDays(1), TODAY.plusDays(3));
        plan("Not started", TODAY, TODAY);
        crm.campaigns().activate(running.id());
        crm.campaigns().activate(later.id());

        assertThat(crm.campaigns().activeCampaigns(PageRequest.first(10)).items())
                .extracting(Campaign::id)
                .containsExactly(running.id());
        assertThat(crm.campaigns()
                        .activeOn(TODAY.plusDays(2), PageRequest.first(10))
                        .items())
                .extracting(Campaign::id)
                .containsExactly(running.id(), later.id());
    }

    @Test
    void campaignsOfAMemberAreListed() {
        Campaign first = plan("First", TODAY, TODAY.plusDays(1));
        Campaign second = plan("Second", TODAY.plusDays(5), TODAY.plusDays(6));
        plan("Other", TODAY, TODAY);
        crm.campaigns().addMembers(second.id(), List.of(ann));
        crm.campaigns().addMembers(first.id(), List.of(ann, bob));

        assertThat(crm.campaigns().campaignsOf(ann, PageRequest.first(10)).items())
                .extracting(Campaign::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void membersComeInKeysetPagesByMember() {
        CampaignId id = plan("Webinar", TODAY, TODAY).id();
        List<RecordRef> people = new ArrayList<>(List.of(ann, bob));
        for (int i = 0; i < 5; i++) {
            people.add(RecordRef.contact(StoredRecords.contact(storage, Clock.fixed(NOW, ZoneOffset.UTC))));
        }
        crm.campaigns().addMembers(id, people);

        List<CampaignMember> first = crm.campaigns().members(id, null, 4);
        List<CampaignMember> rest = crm.campaigns().members(id, first.get(3).member(), 4);

        List<RecordRef> inOrder =
                people.stream().sorted(Comparator.comparing(RecordRef::id)).toList();
        assertThat(first).extracting(CampaignMember::member).containsExactlyElementsOf(inOrder.subList(0, 4));
        assertThat(rest).extracting(CampaignMember::member).containsExactlyElementsOf(inOrder.subList(4, 7));
        assertThatThrownBy(() -> crm.campaigns().members(id, null, 1001))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void aResponseOfSomeoneWhoIsNoMemberIsRefusedNamingTheMember() {
        CampaignId id = plan("Webinar", TODAY, TODAY).id();
        crm.campaigns().addMembers(id, List.of(ann));
        crm.campaigns().activate(id);
        int eventsBefore = published.size();

        assertThatThrownBy(() -> crm.campaigns().recordResponse(id, bob))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("member"));
        assertThat(crm.campaigns().member(id, bob)).isEmpty();
        assertThat(published).hasSize(eventsBefore);
    }

    @Test
    void costInAnotherCurrencyIsRefusedAndNothingChanges() {
        CampaignId id = plan("Webinar", TODAY, TODAY).id();
        int eventsBefore = published.size();

        assertThatThrownBy(() -> crm.campaigns().recordCost(id, "Ads", Money.of("10", "USD"), TODAY))
                .isInstanceOf(CurrencyMismatchException.class);
        Campaign stored = crm.campaigns().findCampaign(id).orElseThrow();
        assertThat(stored.costs()).isEmpty();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(published).hasSize(eventsBefore);
    }

    @Test
    void periodEndingBeforeItStartsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> plan("Backwards", TODAY, TODAY.minusDays(1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThat(crm.campaigns().activeOn(TODAY, PageRequest.first(10)).totalElements())
                .isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void completingAPlannedCampaignIsRefused() {
        CampaignId id = plan("Webinar", TODAY, TODAY).id();

        assertThatThrownBy(() -> crm.campaigns().complete(id))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PLANNED")
                .hasMessageContaining("COMPLETED");
        assertThat(crm.campaigns().findCampaign(id).orElseThrow().status()).isEqualTo(CampaignStatus.PLANNED);
    }

    @Test
    void unknownCampaignIsReportedAsNotFound() {
        assertThatThrownBy(() -> crm.campaigns().activate(CampaignId.of(UUID.randomUUID())))
                .isInstanceOf(RecordNotFoundException.class);
    }
}
