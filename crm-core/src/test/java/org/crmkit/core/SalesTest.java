package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.StageMoveResult;
import org.crmkit.core.spi.ActorResolver;
import org.junit.jupiter.api.Test;

class SalesTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final Actor anna = Actor.of("anna", "Anna");
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .actorResolver(ActorResolver.fixed(anna))
            .eventListener(entry -> published.add(entry.event()))
            .build();
    final Sales sales = crm.sales();
    final AccountId account = StoredRecords.account(storage, clock);
    final UserId owner = UserId.of(UUID.randomUUID());
    final Pipeline pipeline = crm.pipelines()
            .definePipeline(
                    "New business",
                    List.of(
                            NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                            NewStage.open("Propose", 50, ForecastCategory.BEST_CASE),
                            NewStage.won("Won"),
                            NewStage.lost("Lost")));

    Opportunity open(String name, LocalDate close) {
        return sales.openOpportunity(new NewOpportunity(
                name, account, null, pipeline.id(), null, Currency.getInstance("EUR"), null, close, owner, null, null));
    }

    @Test
    void aDefinedPipelineIsStoredAndListed() {
        assertThat(crm.pipelines().pipelines()).extracting(Pipeline::id).containsExactly(pipeline.id());
        assertThat(published).extracting(DomainEvent::eventType).containsExactly("PipelineDefined");
    }

    @Test
    void anInvalidPipelineStoresNothing() {
        assertThatThrownBy(() -> crm.pipelines()
                        .definePipeline("Broken", List.of(NewStage.open("Only", 10, ForecastCategory.PIPELINE))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stages"));
        assertThat(crm.pipelines().pipelines()).hasSize(1);
    }

    @Test
    void aDealWalksThroughThePipelineWithHistoryAndEvents() {
        Opportunity deal = open("Fleet", LocalDate.of(2026, 6, 1));
        sales.addLineItem(deal.id(), NewLineItem.of("CAR", "4", Money.of("25000.00", "EUR"), "5"));
        sales.addContactRole(deal.id(), StoredRecords.contact(storage, clock), BuyingRole.DECISION_MAKER);

        StageMoveResult moved =
                sales.moveToStage(deal.id(), pipeline.stages().get(1).id());
        sales.markWon(deal.id(), "relationship");

        assertThat(moved.moved()).isTrue();
        Opportunity won = sales.opportunity(deal.id()).orElseThrow();
        assertThat(won.amount()).isEqualTo(Money.of("95000.00", "EUR"));
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.stageHistory())
                .hasSize(3)
                .allSatisfy(change -> assertThat(change.actor()).isEqualTo(anna));
        assertThat(published)
                .extracting(DomainEvent::eventType)
                .containsSubsequence(
                        "OpportunityOpened",
                        "OpportunityAmountChanged",
                        "OpportunityStageChanged",
                        "OpportunityStageChanged",
                        "OpportunityWon");
    }

    @Test
    void aRefusedMoveStoresNothing() {
        Opportunity deal = open("Fleet", null);
        published.clear();

        StageMoveResult refused =
                sales.moveToStage(deal.id(), pipeline.stages().get(0).id());

        assertThat(refused.moved()).isFalse();
        assertThat(sales.opportunity(deal.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(published).isEmpty();
    }

    @Test
    void lostThenReopened() {
        Opportunity deal = open("Fleet", null);

        sales.markLost(deal.id(), "price", "Globex");
        sales.reopen(deal.id(), pipeline.stages().get(1).id());

        Opportunity now = sales.opportunity(deal.id()).orElseThrow();
        assertThat(now.isOpen()).isTrue();
        assertThat(now.stage()).isEqualTo(pipeline.stages().get(1).id());
        assertThat(published).extracting(DomainEvent::eventType).contains("OpportunityLost", "OpportunityReopened");
    }

    @Test
    void listingsFindDealsByOwnerAccountPipelineStageAndCloseDate() {
        Opportunity june = open("June", LocalDate.of(2026, 6, 15));
        Opportunity april = open("April", LocalDate.of(2026, 4, 15));
        Opportunity lost = open("Lost", LocalDate.of(2026, 4, 1));
        sales.markLost(lost.id(), "no budget", null);

        assertThat(sales.opportunitiesOf(owner, PageRequest.first(10)).items())
                .extracting(Opportunity::name)
                .containsExactly("Lost", "April", "June");
        assertThat(sales.opportunitiesOfAccount(account))
                .extracting(Opportunity::name)
                .containsExactly("June", "April", "Lost");
        assertThat(sales.openOpportunities(pipeline.id(), PageRequest.first(10)).items())
                .extracting(Opportunity::id)
                .containsExactly(april.id(), june.id());
        assertThat(sales.opportunitiesClosingBetween(
                                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), PageRequest.first(10))
                        .items())
                .extracting(Opportunity::id)
                .containsExactly(april.id());
        assertThat(sales.opportunitiesInStage(pipeline.lostStage().id(), PageRequest.first(10))
                        .items())
                .extracting(Opportunity::id)
                .containsExactly(lost.id());
    }

    @Test
    void settingAQuotaTwiceChangesTheOneQuota() {
        QuotaHolder holder = QuotaHolder.user(owner);
        Quota first = crm.forecasts().setQuota(holder, QuotaPeriod.quarter(2026, 2), Money.of("100000.00", "EUR"));
        Quota second = crm.forecasts().setQuota(holder, QuotaPeriod.quarter(2026, 2), Money.of("120000.00", "EUR"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(crm.forecasts()
                        .quota(holder, QuotaPeriod.quarter(2026, 2))
                        .orElseThrow()
                        .amount())
                .isEqualTo(Money.of("120000.00", "EUR"));
        assertThat(crm.forecasts().quotasOverlapping(QuotaPeriod.month(YearMonth.of(2026, 5))))
                .hasSize(1);
        assertThat(crm.forecasts().quotasOverlapping(QuotaPeriod.month(YearMonth.of(2026, 7))))
                .isEmpty();
    }

    @Test
    void stageEditsAreStored() {
        Pipeline changed =
                crm.pipelines().addStage(pipeline.id(), NewStage.open("Demo", 30, ForecastCategory.PIPELINE), 1);
        crm.pipelines().renameStage(pipeline.id(), changed.stages().get(1).id(), "Product demo");

        assertThat(crm.pipelines()
                        .pipeline(pipeline.id())
                        .orElseThrow()
                        .stages()
                        .get(1)
                        .name())
                .isEqualTo("Product demo");
    }
}
