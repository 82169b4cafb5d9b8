package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadQualificationChanged;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.QualificationLevel;
import org.crmkit.core.lead.ScoreContribution;
import org.crmkit.core.lead.ScoringRule;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.junit.jupiter.api.Test;

class LeadScoringTest {

    static final LeadScoringModel MODEL = new LeadScoringModel(
            List.of(
                    new ScoringRule.TitleContains("Decision maker title", List.of("CTO", "CEO", "Head of"), 25),
                    new ScoringRule.AttributeIs(
                            "Target industry", ScoringRule.Attribute.INDUSTRY, Set.of("Software"), 15),
                    new ScoringRule.CompanySize("Mid-market", 200, 5000, 10),
                    new ScoringRule.AttributeIs(
                            "Outside sales regions", ScoringRule.Attribute.COUNTRY, Set.of("KP"), -50),
                    new ScoringRule.ActivityLogged("Meetings", ActivityKind.MEETING, 10, 20),
                    new ScoringRule.CampaignResponded("Campaign responses", 8, 16)),
            Duration.ofDays(30),
            60,
            80);

    final TestClock clock = new TestClock("2026-03-02T09:00:00Z");
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final Crm crm = Crm.builder()
            .storage(InMemoryStorage.create(clock))
            .clock(clock)
            .leadScoring(MODEL)
            .eventListener(entry -> published.add(entry.event()))
            .build();
    final Leads leads = crm.leads();

    Lead captureCto() {
        return leads.captureAnyway(new NewLead(
                new LeadDetails(
                        "Jane",
                        "Doe",
                        "Initech",
                        "CTO",
                        EmailAddress.of("jane@initech.example"),
                        null,
                        CountryCode.of("DE"),
                        "Software",
                        250),
                LeadSource.of("web-form"),
                null,
                null));
    }

    void logMeeting(Lead lead) {
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, null, "Demo", clock.instant())
                        .regarding(RecordRef.lead(lead.id())));
    }

    @Test
    void aCapturedLeadIsScoredByItsAttributesAndTheScoreExplainsItself() {
        Lead lead = captureCto();

        assertThat(lead.score()).isEqualTo(50);
        assertThat(lead.scoreBreakdown())
                .containsExactly(
                        new ScoreContribution("Decision maker title", 25, "title 'CTO' contains 'cto'"),
                        new ScoreContribution("Target industry", 15, "industry is Software"),
                        new ScoreContribution("Mid-market", 10, "250 employees, within 200..5000"));
        assertThat(lead.qualification()).isEqualTo(QualificationLevel.UNQUALIFIED);
    }

    @Test
    void meetingsAndCampaignResponsesAddPointsUpToTheirCapsAndQualifyTheLead() {
        Lead lead = captureCto();
        logMeeting(lead);
        logMeeting(lead);
        logMeeting(lead);
        Campaign webinar = crm.campaigns()
                .plan(NewCampaign.of(
                        "Webinar",
                        CampaignType.WEBINAR,
                        CampaignPeriod.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                        Money.of("500", "EUR")));
        crm.campaigns().addMembers(webinar.id(), List.of(RecordRef.lead(lead.id())));
        crm.campaigns().activate(webinar.id());
        crm.campaigns().recordResponse(webinar.id(), RecordRef.lead(lead.id()));

        Lead scored = leads.rescore(lead.id());

        assertThat(scored.score()).isEqualTo(50 + 20 + 8);
        assertThat(scored.scoreBreakdown())
                .contains(
                        new ScoreContribution("Meetings", 20, "3 × meeting × 10, capped at 20"),
                        new ScoreContribution("Campaign responses", 8, "1 × campaign response × 8"));
        assertThat(scored.qualification()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED);
        assertThat(published)
                .filteredOn(LeadQualificationChanged.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((LeadQualificationChanged) e).level())
                        .isEqualTo(QualificationLevel.MARKETING_QUALIFIED));
    }

    @Test
    void aDayWithoutEngagementIsExplainedAsOneDay() {
        Lead lead = captureCto();
        logMeeting(lead);

        clock.advance(Duration.ofDays(1));
        Lead decayed = leads.rescore(lead.id());

        assertThat(decayed.scoreBreakdown())
                .last()
                .isEqualTo(new ScoreContribution("decay", -1, "1 day since the last engagement, half-life 30 days"));
        assertThat(decayed.score()).isEqualTo(59);
    }

    @Test
    void theScoreHalvesWithEachHalfLifeWithoutEngagementAndDropsBelowTheThreshold() {
        Lead lead = captureCto();
        logMeeting(lead);
        logMeeting(lead);
        assertThat(leads.rescore(lead.id()).qualification()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED);

        clock.advance(Duration.ofDays(30));
        Lead decayed = leads.rescore(lead.id());

        assertThat(decayed.score()).isEqualTo(35);
        assertThat(decayed.scoreBreakdown())
                .last()
                .isEqualTo(new ScoreContribution("decay", -35, "30 days since the last engagement, half-life 30 days"));
        assertThat(decayed.scoreBreakdown().stream()
                        .mapToInt(ScoreContribution::points)
                        .sum())
                .isEqualTo(35);
        assertThat(decayed.qualification()).isEqualTo(QualificationLevel.UNQUALIFIED);
    }

    @Test
    void rescoringAtTheSameTimeGivesTheSameScoreAndExplanation() {
        Lead lead = captureCto();
        logMeeting(lead);
        clock.advance(Duration.ofDays(11));

        Lead first = leads.rescore(lead.id());
        Lead second = leads.rescore(lead.id());

        assertThat(second.score()).isEqualTo(first.score()).isEqualTo(47);
        assertThat(second.scoreBreakdown()).isEqualTo(first.scoreBreakdown());
        assertThat(second.version()).isEqualTo(first.version() + 1);
    }

    @Test
    void rescoringActiveLeadsAppliesDecayToEveryOpenLead() {
        Lead open = captureCto();
        Lead dropped = captureCto();
        leads.disqualify(dropped.id(), "duplicate");
        clock.advance(Duration.ofDays(60));

        int changed = leads.rescoreActiveLeads();

        assertThat(changed).isEqualTo(1);
        assertThat(leads.lead(open.id()).orElseThrow().score()).isEqualTo(13);
        assertThat(leads.lead(dropped.id()).orElseThrow().score()).isEqualTo(50);
    }

    @Test
    void aModelWithTheSalesThresholdBelowTheMarketingThresholdIsRefused() {
        assertThatThrownBy(() -> new LeadScoringModel(List.of(), null, 80, 60))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("salesQualifiedAt"));
        assertThatThrownBy(() -> new ScoringRule.ActivityLogged("Calls", ActivityKind.CALL, 10, 5))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("maxPoints"));
    }
}
