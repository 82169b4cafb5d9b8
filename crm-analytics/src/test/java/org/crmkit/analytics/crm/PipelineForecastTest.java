package org.crmkit.analytics.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.core.Crm;
import org.crmkit.core.NewStage;
import org.crmkit.core.Sales;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.junit.jupiter.api.Test;

class PipelineForecastTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final Crm crm =
            Crm.builder().storage(InMemoryStorage.create(clock)).clock(clock).build();
    final Sales sales = crm.sales();
    final UserId owner = UserId.of(UUID.randomUUID());
    final AccountId account =
            crm.parties().registerAccount(NewAccount.of("ACME", owner)).id();
    final Pipeline pipeline = crm.pipelines()
            .definePipeline(
                    "New business",
                    List.of(
                            NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                            NewStage.open("Propose", 50, ForecastCategory.BEST_CASE),
                            NewStage.open("Negotiate", 80, ForecastCategory.COMMIT),
                            NewStage.won("Won"),
                            NewStage.lost("Lost")));

    Opportunity deal(String name, String amount, String currency, LocalDate close, int stage) {
        Opportunity deal = sales.openOpportunity(new NewOpportunity(
                name,
                account,
                null,
                pipeline.id(),
                null,
                Currency.getInstance(currency),
                amount == null ? null : Money.of(amount, currency),
                close,
                owner,
                null,
                null));
        if (stage > 0) {
            sales.moveToStage(deal.id(), pipeline.stages().get(stage).id());
        }
        return deal;
    }

    List<Opportunity> all() {
        return sales.opportunitiesOf(owner, PageRequest.first(100)).items();
    }

    @Test
    void openDealsAreWeightedByTheirStageInTheMonthTheyShouldClose() {
        deal("Fleet", "10000.00", "EUR", LocalDate.of(2026, 4, 20), 0);
        deal("Vans", "4000.00", "EUR", LocalDate.of(2026, 4, 2), 1);
        deal("Trucks", "20000.00", "EUR", LocalDate.of(2026, 5, 31), 2);
        Opportunity bikes = deal("Bikes", "1000.00", "EUR", LocalDate.of(2026, 5, 1), 1);
        sales.overrideProbability(bikes.id(), 90);

        PipelineForecast forecast = PipelineForecast.of(
                crm.pipelines().pipelines(), all(), PipelineForecast.Granularity.MONTH, ZoneOffset.UTC);

        assertThat(forecast.cells())
                .extracting(
                        PipelineForecast.Cell::period,
                        PipelineForecast.Cell::category,
                        PipelineForecast.Cell::opportunities,
                        PipelineForecast.Cell::amount,
                        PipelineForecast.Cell::expected)
                .containsExactly(
                        tuple(
                                YearMonth.of(2026, 4),
                                ForecastCategory.PIPELINE,
                                1,
                                new BigDecimal("10000.00"),
                                new BigDecimal("1000.00")),
                        tuple(
                                YearMonth.of(2026, 4),
                                ForecastCategory.BEST_CASE,
                                1,
                                new BigDecimal("4000.00"),
                                new BigDecimal("2000.00")),
                        tuple(
                                YearMonth.of(2026, 5),
                                ForecastCategory.BEST_CASE,
                                1,
                                new BigDecimal("1000.00"),
                                new BigDecimal("900.00")),
                        tuple(
                                YearMonth.of(2026, 5),
                                ForecastCategory.COMMIT,
                                1,
                                new BigDecimal("20000.00"),
                                new BigDecimal("16000.00")));
        assertThat(forecast.expectedByPeriod())
                .containsExactly(
                        Map.entry(YearMonth.of(2026, 4), new BigDecimal("3000.00")),
                        Map.entry(YearMonth.of(2026, 5), new BigDecimal("16900.00")));
        assertThat(forecast.currency()).isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void wonDealsCountInFullWhenClosedLostDealsNowhereAndUnplaceableDealsAreCounted() {
        Opportunity won = deal("Won", "5000.00", "EUR", LocalDate.of(2026, 9, 1), 2);
        sales.markWon(won.id(), "relationship");
        Opportunity lost = deal("Lost", "7000.00", "EUR", LocalDate.of(2026, 4, 1), 1);
        sales.markLost(lost.id(), "price", null);
        deal("No amount", null, "EUR", LocalDate.of(2026, 4, 1), 0);
        deal("No date", "300.00", "EUR", null, 0);
        deal("Q2", "2000.00", "EUR", LocalDate.of(2026, 6, 30), 1);

        PipelineForecast forecast = PipelineForecast.of(
                crm.pipelines().pipelines(), all(), PipelineForecast.Granularity.QUARTER, ZoneOffset.UTC);

        assertThat(forecast.cells())
                .extracting(
                        PipelineForecast.Cell::period, PipelineForecast.Cell::category, PipelineForecast.Cell::expected)
                .containsExactly(
                        tuple(YearMonth.of(2026, 1), ForecastCategory.CLOSED, new BigDecimal("5000.00")),
                        tuple(YearMonth.of(2026, 4), ForecastCategory.BEST_CASE, new BigDecimal("1000.00")));
        assertThat(forecast.expectedByCategory())
                .containsOnly(
                        Map.entry(ForecastCategory.CLOSED, new BigDecimal("5000.00")),
                        Map.entry(ForecastCategory.BEST_CASE, new BigDecimal("1000.00")));
        assertThat(forecast.unscheduled()).isEqualTo(2);
    }

    @Test
    void dealsInTwoCurrenciesOrAnUnknownPipelineAreRefused() {
        deal("Euro", "100.00", "EUR", LocalDate.of(2026, 4, 1), 0);
        deal("Dollar", "100.00", "USD", LocalDate.of(2026, 4, 1), 0);

        assertThatThrownBy(() -> PipelineForecast.of(
                        crm.pipelines().pipelines(), all(), PipelineForecast.Granularity.MONTH, ZoneOffset.UTC))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(
                        () -> PipelineForecast.of(List.of(), all(), PipelineForecast.Granularity.MONTH, ZoneOffset.UTC))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("pipelines"));
    }
}
