package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.sales.CategoryTotal;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastAccuracy;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineMetrics;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.StageMetrics;
import org.junit.jupiter.api.Test;

class ForecastTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final QuotaPeriod Q2 = QuotaPeriod.quarter(2026, 2);

    final TestClock clock = new TestClock("2026-04-15T09:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    final Sales sales = crm.sales();
    final UserId anna = crm.access()
            .registerUser("Anna", EmailAddress.of("anna@example.com"), Set.of(Role.SALES))
            .id();
    final UserId ben = crm.access()
            .registerUser("Ben", EmailAddress.of("ben@example.com"), Set.of(Role.SALES))
            .id();
    final Pipeline pipeline = crm.pipelines()
            .definePipeline(
                    "New business",
                    List.of(
                            NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                            NewStage.open("Propose", 50, ForecastCategory.BEST_CASE),
                            NewStage.open("Negotiate", 80, ForecastCategory.COMMIT),
                            NewStage.won("Won"),
                            NewStage.lost("Lost")));

    Opportunity deal(UserId owner, String amount, String currency, LocalDate close, int stage) {
        Opportunity deal = sales.openOpportunity(new NewOpportunity(
                "Deal " + amount,
                StoredRecords.account(storage, clock),
                null,
                pipeline.id(),
                pipeline.stages().get(stage).id(),
                Currency.getInstance(currency),
                Money.of(amount, currency),
                close,
                owner,
                null,
                null));
        return deal;
    }

    void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    /** Anna's Q2: 10,000 pipeline, 20,000 best case, 5,000 at 90 % override, 8,000 won; plus deals that do not count. */
    void annasQuarter() {
        deal(anna, "10000.00", "EUR", LocalDate.of(2026, 4, 30), 0);
        deal(anna, "20000.00", "EUR", LocalDate.of(2026, 5, 31), 1);
        Opportunity override = deal(anna, "5000.00", "EUR", LocalDate.of(2026, 6, 30), 1);
        sales.overrideProbability(override.id(), 90);
        sales.markWon(deal(anna, "8000.00", "EUR", LocalDate.of(2026, 9, 30), 2).id(), "fit");
        sales.markLost(deal(anna, "7000.00", "EUR", LocalDate.of(2026, 5, 1), 0).id(), "price", null);
        deal(anna, "9000.00", "EUR", LocalDate.of(2026, 7, 1), 2);
        deal(anna, "3000.00", "USD", LocalDate.of(2026, 5, 1), 2);
        deal(ben, "4000.00", "EUR", LocalDate.of(2026, 5, 1), 2);
    }

    @Test
    void anOwnersQuarterForecastTotalsEachCategoryWeighsByProbabilityAndMeasuresTheQuota() {
        annasQuarter();
        crm.forecasts().setQuota(QuotaHolder.user(anna), Q2, Money.of("50000.00", "EUR"));

        Forecast forecast = crm.forecasts().forecast(ForecastScope.owner(anna), Q2, EUR);

        assertThat(forecast.total(ForecastCategory.PIPELINE))
                .isEqualTo(new CategoryTotal(1, Money.of("10000.00", "EUR"), Money.of("1000.00", "EUR")));
        assertThat(forecast.total(ForecastCategory.BEST_CASE))
                .isEqualTo(new CategoryTotal(2, Money.of("25000.00", "EUR"), Money.of("14500.00", "EUR")));
        assertThat(forecast.total(ForecastCategory.COMMIT).deals()).isZero();
        assertThat(forecast.total(ForecastCategory.CLOSED).amount()).isEqualTo(Money.of("8000.00", "EUR"));
        assertThat(forecast.weighted()).isEqualTo(Money.of("23500.00", "EUR"));
        assertThat(forecast.won()).isEqualTo(Money.of("8000.00", "EUR"));
        assertThat(forecast.attainmentPercent()).isEqualByComparingTo("16.00");
        assertThat(forecast.otherCurrencyDeals()).isEqualTo(1);
    }

    @Test
    void aTeamForecastCountsItsMembersDealsAndItsTeamQuota() {
        annasQuarter();
        Team team = crm.access().createTeam("DACH", anna);
        crm.access().addTeamMember(team.id(), ben);
        crm.forecasts().setQuota(QuotaHolder.team(team.id()), Q2, Money.of("40000.00", "EUR"));

        Forecast forecast = crm.forecasts().forecast(ForecastScope.team(team.id()), Q2, EUR);

        assertThat(forecast.total(ForecastCategory.COMMIT))
                .isEqualTo(new CategoryTotal(1, Money.of("4000.00", "EUR"), Money.of("3200.00", "EUR")));
        assertThat(forecast.weighted()).isEqualTo(Money.of("26700.00", "EUR"));
        assertThat(forecast.attainmentPercent()).isEqualByComparingTo("20.00");
    }

    @Test
    void aPipelineForecastWithoutQuotaHasNoAttainment() {
        annasQuarter();
        Pipeline renewals = crm.pipelines()
                .definePipeline(
                        "Renewals",
                        List.of(
                                NewStage.open("Due", 70, ForecastCategory.COMMIT),
                                NewStage.won("Renewed"),
                                NewStage.lost("Churned")));
        sales.openOpportunity(new NewOpportunity(
                "Renewal",
                StoredRecords.account(storage, clock),
                null,
                renewals.id(),
                null,
                EUR,
                Money.of("1000.00", "EUR"),
                LocalDate.of(2026, 5, 1),
                anna,
                null,
                null));

        Forecast forecast = crm.forecasts().forecast(ForecastScope.pipeline(renewals.id()), Q2, EUR);

        assertThat(forecast.weighted()).isEqualTo(Money.of("700.00", "EUR"));
        assertThat(forecast.quota()).isNull();
        assertThat(forecast.attainmentPercent()).isNull();
        assertThat(crm.forecasts().forecast(ForecastScope.ALL, Q2, EUR).weighted())
                .isEqualTo(Money.of("27400.00", "EUR"));
    }

    @Test
    void snapshotsKeepTheForecastAsItWasAndMeasureItsAccuracyLater() {
        annasQuarter();
        crm.forecasts().takeForecastSnapshot(ForecastScope.owner(anna), Q2, EUR);
        clock.advance(Duration.ofDays(20));
        Opportunity bestCase =
                sales.opportunitiesOf(anna, org.crmkit.core.common.PageRequest.first(20)).items().stream()
                        .filter(d -> d.amount().equals(Money.of("20000.00", "EUR")))
                        .findFirst()
                        .orElseThrow();
        sales.markWon(bestCase.id(), "fit");
        crm.forecasts().takeForecastSnapshot(ForecastScope.owner(anna), Q2, EUR);

        List<ForecastAccuracy> accuracy = crm.forecasts().forecastAccuracy(ForecastScope.owner(anna), Q2, EUR);

        assertThat(crm.forecasts().forecastSnapshots(ForecastScope.owner(anna), Q2))
                .hasSize(2);
        assertThat(accuracy).hasSize(2);
        assertThat(accuracy.get(0).predictedWeighted()).isEqualTo(Money.of("23500.00", "EUR"));
        assertThat(accuracy.get(0).won()).isEqualTo(Money.of("28000.00", "EUR"));
        assertThat(accuracy.get(0).weightedErrorPercent()).isEqualByComparingTo(new BigDecimal("-16.07"));
        assertThat(accuracy.get(1).predictedWeighted()).isEqualTo(Money.of("33500.00", "EUR"));
        assertThat(accuracy.get(1).takenAt()).isEqualTo(clock.instant());
    }

    @Test
    void pipelineMetricsCountValueConversionWinRateTimeInStageAndSalesCycle() {
        Opportunity fast = deal(anna, "1000.00", "EUR", null, 0);
        Opportunity slow = deal(anna, "2000.00", "EUR", null, 0);
        Opportunity stuck = deal(anna, "3000.00", "EUR", null, 0);
        clock.advance(Duration.ofDays(2));
        sales.moveToStage(fast.id(), pipeline.stages().get(1).id());
        clock.advance(Duration.ofDays(4));
        sales.moveToStage(slow.id(), pipeline.stages().get(1).id());
        sales.markWon(fast.id(), "fit");
        clock.advance(Duration.ofDays(4));
        sales.markLost(slow.id(), "price", "Globex");

        PipelineMetrics metrics = crm.forecasts().pipelineMetrics(pipeline.id(), EUR);

        StageMetrics qualify = metrics.stages().get(0);
        assertThat(qualify.openDeals()).isEqualTo(1);
        assertThat(qualify.openValue()).isEqualTo(Money.of("3000.00", "EUR"));
        assertThat(qualify.entered()).isEqualTo(3);
        assertThat(qualify.advanced()).isEqualTo(2);
        assertThat(qualify.conversionPercent()).isEqualByComparingTo("66.67");
        assertThat(qualify.averageTimeInStage()).isEqualTo(Duration.ofDays(4));
        StageMetrics propose = metrics.stages().get(1);
        assertThat(propose.entered()).isEqualTo(2);
        assertThat(propose.advanced()).isEqualTo(1);
        assertThat(propose.averageTimeInStage()).isEqualTo(Duration.ofDays(4));
        assertThat(metrics.won()).isEqualTo(1);
        assertThat(metrics.lost()).isEqualTo(1);
        assertThat(metrics.winRatePercent()).isEqualByComparingTo("50.00");
        assertThat(metrics.averageSalesCycle()).isEqualTo(Duration.ofDays(6));
        assertThat(stuck.isOpen()).isTrue();
    }

    @Test
    void pipelineMetricsOfAPeriodCountTheDealsClosedInItAndTheOpenOnes() {
        Opportunity wonInJune = deal(anna, "1000.00", "EUR", null, 0);
        Opportunity lostInJuly = deal(anna, "2000.00", "EUR", null, 0);
        Opportunity wonInOctober = deal(anna, "3000.00", "EUR", null, 1);
        Opportunity open = deal(anna, "4000.00", "EUR", null, 0);
        at("2026-06-30T23:59:59Z");
        sales.markWon(wonInJune.id(), "fit");
        at("2026-07-01T00:00:00Z");
        sales.markLost(lostInJuly.id(), "price", null);
        at("2026-10-01T00:00:00Z");
        sales.markWon(wonInOctober.id(), "fit");

        PipelineMetrics q2 = crm.forecasts().pipelineMetrics(pipeline.id(), EUR, Q2);
        PipelineMetrics q3 = crm.forecasts().pipelineMetrics(pipeline.id(), EUR, QuotaPeriod.quarter(2026, 3));
        PipelineMetrics q4 = crm.forecasts().pipelineMetrics(pipeline.id(), EUR, QuotaPeriod.quarter(2026, 4));
        PipelineMetrics ever = crm.forecasts().pipelineMetrics(pipeline.id(), EUR);

        assertThat(List.of(q2.won(), q2.lost(), q3.won(), q3.lost(), q4.won(), ever.won(), ever.lost()))
                .containsExactly(1L, 0L, 0L, 1L, 1L, 2L, 1L);
        assertThat(q3.winRatePercent()).isEqualByComparingTo("0.00");
        assertThat(q4.averageSalesCycle())
                .isEqualTo(Duration.between(Instant.parse("2026-04-15T09:00:00Z"), clock.instant()));
        StageMetrics qualifyInQ3 = q3.stages().get(0);
        assertThat(qualifyInQ3.openDeals()).isEqualTo(1);
        assertThat(qualifyInQ3.openValue()).isEqualTo(open.amount());
        assertThat(qualifyInQ3.entered())
                .as("the open deal and the one lost in Q3")
                .isEqualTo(2);
    }

    @Test
    void pipelineMetricsOfAPeriodCountACloseOnTheDaysOfTheClocksZone() {
        Opportunity deal = deal(anna, "1000.00", "EUR", null, 0);
        at("2026-06-30T23:30:00Z");
        sales.markWon(deal.id(), "fit");
        Crm inWarsaw = Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(clock.instant(), ZoneId.of("Europe/Warsaw")))
                .build();

        assertThat(crm.forecasts().pipelineMetrics(pipeline.id(), EUR, Q2).won())
                .isEqualTo(1);
        assertThat(inWarsaw.forecasts().pipelineMetrics(pipeline.id(), EUR, Q2).won())
                .isZero();
        assertThat(inWarsaw.forecasts()
                        .pipelineMetrics(pipeline.id(), EUR, QuotaPeriod.quarter(2026, 3))
                        .won())
                .isEqualTo(1);
    }

    @Test
    void pipelineMetricsOfAPeriodRefuseAMissingPeriodAndAnUnknownPipeline() {
        assertThatThrownBy(() -> crm.forecasts().pipelineMetrics(pipeline.id(), EUR, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("period");
        assertThatThrownBy(() -> crm.forecasts().pipelineMetrics(PipelineId.of(UUID.randomUUID()), EUR, Q2))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Pipeline");
    }
}
