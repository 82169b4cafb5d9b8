package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.spi.OpportunityRepository;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.Test;

/**
 * What {@code OpportunityRepository.forecastTotals} must answer: on random, seeded deals (two pipelines, three owners,
 * open in every stage with and without a probability override, won and lost over two years, two currencies, some
 * without an amount, some shared with the viewer), a forecast made from the sums equals the forecast rolled up over
 * every deal ({@link Forecast#rollUp}), for random periods (a month, a quarter, a year), scopes and zones, from the
 * unrestricted repository and from a viewer's {@code visibleTo} view; another tenant's deals count nowhere. {@code
 * findClosedInPipeline} answers, page by page, exactly the pipeline's deals won or lost in a period, in close time
 * order. Extend it
 * and supply the storage.
 */
public abstract class ForecastQueryContract extends VisibilityFixture {

    private static final long SEED = 20_261_208L;
    private static final int DEALS = 300;
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final Random random = new Random(SEED);

    @Test
    void aForecastFromTheStoragesSumsEqualsTheRollUpOfEveryDeal() {
        List<Pipeline> pipelines = storedDeals();
        Map<PipelineId, Pipeline> byId = new HashMap<>();
        pipelines.forEach(pipeline -> byId.put(pipeline.id(), pipeline));
        OpportunityRepository all = storage.opportunities();
        OpportunityRepository visible = all.visibleTo(visibility);
        Map<OpportunityRepository, List<Opportunity>> everyDeal =
                Map.of(all, everyDeal(all), visible, everyDeal(visible));

        for (int i = 0; i < 40; i++) {
            QuotaPeriod period = randomPeriod();
            ZoneId zone = random.nextBoolean() ? ZoneOffset.UTC : ZoneId.of("Pacific/Auckland");
            ForecastScope scope = randomScope(pipelines);
            Currency currency = random.nextInt(4) == 0 ? USD : EUR;
            for (OpportunityRepository repository : List.of(all, visible)) {
                Forecast expected = Forecast.rollUp(
                        scope,
                        period,
                        currency,
                        everyDeal.get(repository),
                        deal -> scope.owner() == null || deal.owner().equals(scope.owner()),
                        byId::get,
                        zone,
                        null);
                LocalDate first = period.first().atDay(1);
                LocalDate last = period.last().atEndOfMonth();
                Forecast fromTotals = Forecast.fromTotals(
                        scope,
                        period,
                        currency,
                        repository.forecastTotals(
                                TENANT_A,
                                first,
                                last,
                                first.atStartOfDay(zone).toInstant(),
                                last.plusDays(1).atStartOfDay(zone).toInstant()),
                        owner -> scope.owner() == null || owner.equals(scope.owner()),
                        byId::get,
                        null);
                assertThat(fromTotals)
                        .as("forecast of %s for %s in %s, zone %s", scope, period, currency, zone)
                        .isEqualTo(expected);
            }
        }
    }

    /** Two pipelines of tenant A with {@value #DEALS} random deals, every 13th shared with the viewer; one of B. */
    private List<Pipeline> storedDeals() {
        List<Pipeline> pipelines = List.of(
                SalesMother.aPipeline(TENANT_A, ids, clock, "New business"),
                SalesMother.aPipeline(TENANT_A, ids, clock, "Renewals"));
        List<Opportunity> deals = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            deals.add(randomDeal(pipelines.get(random.nextInt(2))));
        }
        inTransaction(() -> deals.stream().map(storage.opportunities()::save).toList());
        inTransaction(() -> storage.opportunities().save(randomDeal(SalesMother.aPipeline(TENANT_B, ids, clock))));
        for (int i = 0; i < deals.size(); i += 13) {
            share(RecordRef.opportunity(deals.get(i).id()), viewer.id());
        }
        return pipelines;
    }

    @Test
    void thePipelinesDealsClosedInAPeriodAreEveryDealOfItWonOrLostThen() {
        List<Pipeline> pipelines = storedDeals();
        OpportunityRepository all = storage.opportunities();
        OpportunityRepository visible = all.visibleTo(visibility);
        Map<OpportunityRepository, List<Opportunity>> everyDeal =
                Map.of(all, everyDeal(all), visible, everyDeal(visible));
        Comparator<Opportunity> byCloseTime = Comparator.comparing(Opportunity::closedAt)
                .thenComparing(deal -> deal.id().value());
        for (int i = 0; i < 20; i++) {
            Pipeline pipeline = pipelines.get(random.nextInt(2));
            QuotaPeriod period = randomPeriod();
            ZoneId zone = random.nextBoolean() ? ZoneOffset.UTC : ZoneId.of("Pacific/Auckland");
            Instant from = period.first().atDay(1).atStartOfDay(zone).toInstant();
            Instant to =
                    period.last().atEndOfMonth().plusDays(1).atStartOfDay(zone).toInstant();
            int pageSize = 1 + random.nextInt(40);
            for (OpportunityRepository repository : List.of(all, visible)) {
                List<Opportunity> expected = everyDeal.get(repository).stream()
                        .filter(deal -> deal.pipeline().equals(pipeline.id()))
                        .filter(deal -> deal.status() != OpportunityStatus.OPEN)
                        .filter(deal -> !deal.closedAt().isBefore(from)
                                && deal.closedAt().isBefore(to))
                        .sorted(byCloseTime)
                        .toList();
                List<Opportunity> found = new ArrayList<>();
                PageRequest request = PageRequest.first(pageSize);
                Page<Opportunity> page;
                do {
                    page = repository.findClosedInPipeline(TENANT_A, pipeline.id(), from, to, request);
                    found.addAll(page.items());
                    request = request.next();
                } while (page.hasNext());
                assertThat(found)
                        .as("deals of %s closed in %s, zone %s, pages of %d", pipeline.name(), period, zone, pageSize)
                        .extracting(Opportunity::id)
                        .containsExactlyElementsOf(
                                expected.stream().map(Opportunity::id).toList());
                assertThat(page.totalElements()).isEqualTo(expected.size());
            }
        }
    }

    private Opportunity randomDeal(Pipeline pipeline) {
        clock.set(START);
        List<Stage> open = pipeline.openStages();
        Currency currency = random.nextInt(5) == 0 ? USD : EUR;
        NewOpportunity details = NewOpportunity.of(
                        "Deal " + ids.next(), AccountId.next(ids), pipeline.id(), currency, randomOwner())
                .withStage(open.get(random.nextInt(open.size())).id())
                .withExpectedCloseDate(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730)));
        if (random.nextInt(6) > 0) {
            details = details.withAmount(Money.of(BigDecimal.valueOf(random.nextInt(10_000_000), 2), currency));
        }
        Opportunity deal =
                Opportunity.open(pipeline.tenant(), OpportunityId.next(ids), details, pipeline, Actor.SYSTEM, clock);
        if (random.nextInt(4) == 0) {
            deal.overrideProbability(random.nextInt(101));
        }
        int fate = random.nextInt(3);
        if (fate > 0) {
            clock.set(START.plus(Duration.ofMinutes(random.nextInt(730 * 24 * 60))));
            if (fate == 1) {
                deal.markWon(pipeline, "Best fit", Actor.SYSTEM, clock);
            } else {
                deal.markLost(pipeline, "Price", null, Actor.SYSTEM, clock);
            }
        }
        return deal;
    }

    private UserId randomOwner() {
        List<UserId> owners = List.of(viewer.id(), mate.id(), stranger);
        return owners.get(random.nextInt(owners.size()));
    }

    private QuotaPeriod randomPeriod() {
        int year = 2025 + random.nextInt(2);
        return switch (random.nextInt(3)) {
            case 0 -> QuotaPeriod.month(YearMonth.of(year, 1 + random.nextInt(12)));
            case 1 -> QuotaPeriod.quarter(year, 1 + random.nextInt(4));
            default -> QuotaPeriod.year(year);
        };
    }

    private ForecastScope randomScope(List<Pipeline> pipelines) {
        ForecastScope scope = random.nextBoolean() ? ForecastScope.ALL : ForecastScope.owner(randomOwner());
        return random.nextInt(3) == 0
                ? scope.inPipeline(pipelines.get(random.nextInt(2)).id())
                : scope;
    }

    /** Every deal the repository answers, through the owners' pages. */
    private List<Opportunity> everyDeal(OpportunityRepository repository) {
        List<Opportunity> deals = new ArrayList<>();
        for (UserId owner : List.of(viewer.id(), mate.id(), stranger)) {
            deals.addAll(repository
                    .findByOwner(TENANT_A, owner, PageRequest.first(PageRequest.MAX_SIZE))
                    .items());
        }
        return deals;
    }
}
