package org.crmkit.benchmarks.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.access.Role;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.sales.ActivityEvidence;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.ContactRole;
import org.crmkit.core.sales.DealField;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.LineItemId;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageChange;
import org.crmkit.core.sales.StageGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stage gate evaluation throughput (a dry run of a deal against a stage with seven gates, and past two stages with
 * ten) and a forecast roll-up over {@code deals} opportunities held in memory (1,000,000 by default; goal: under one
 * second). Run: {@code java -jar benchmarks/target/benchmarks.jar SalesBenchmarks}.
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SalesBenchmarks {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T09:00:00Z"), ZoneOffset.UTC);

    static Pipeline gatedPipeline() {
        return Pipeline.define(
                TenantId.DEFAULT,
                PipelineId.of(UUID.randomUUID()),
                "Enterprise",
                List.of(
                        Stage.open(StageId.of(UUID.randomUUID()), "Discover", 10, ForecastCategory.PIPELINE),
                        Stage.open(StageId.of(UUID.randomUUID()), "Prove", 40, ForecastCategory.BEST_CASE)
                                .gatedBy(List.of(
                                        StageGate.requires(DealField.AMOUNT),
                                        StageGate.requires(DealField.EXPECTED_CLOSE_DATE),
                                        StageGate.requiresActivitySinceStageEntry(ActivityKind.MEETING))),
                        Stage.open(StageId.of(UUID.randomUUID()), "Commit", 80, ForecastCategory.COMMIT)
                                .gatedBy(List.of(
                                        StageGate.allOf(
                                                "Commit criteria",
                                                List.of(
                                                        StageGate.requiresLineItem(),
                                                        StageGate.minimumAmount(Money.of("5000.00", "EUR")),
                                                        StageGate.requiresContactRole(BuyingRole.DECISION_MAKER),
                                                        StageGate.requiresCustomField("budget"),
                                                        StageGate.approvalBy(Role.MANAGER))),
                                        StageGate.requires(DealField.NEXT_STEP),
                                        StageGate.maxStagesSkipped(1))),
                        Stage.won(StageId.of(UUID.randomUUID()), "Won"),
                        Stage.lost(StageId.of(UUID.randomUUID()), "Lost")),
                null,
                CLOCK);
    }

    /** A deal in Discover that meets some gates of Prove and Commit and misses others. */
    @State(Scope.Benchmark)
    public static class GatedDeal {
        Pipeline pipeline;
        Opportunity deal;
        StageId prove;
        StageId commit;
        ActivityEvidence meetings = (kind, since) -> kind == ActivityKind.MEETING;

        @Setup(Level.Trial)
        public void open() {
            pipeline = gatedPipeline();
            prove = pipeline.stages().get(1).id();
            commit = pipeline.stages().get(2).id();
            deal = Opportunity.open(
                    TenantId.DEFAULT,
                    OpportunityId.of(UUID.randomUUID()),
                    NewOpportunity.of(
                                    "Fleet",
                                    AccountId.of(UUID.randomUUID()),
                                    pipeline.id(),
                                    EUR,
                                    UserId.of(UUID.randomUUID()))
                            .withExpectedCloseDate(LocalDate.of(2026, 6, 30)),
                    pipeline,
                    Actor.SYSTEM,
                    CLOCK);
            deal.addLineItem(
                    new LineItem(
                            LineItemId.of(UUID.randomUUID()),
                            "SEAT",
                            null,
                            BigDecimal.TEN,
                            Money.of("400.00", "EUR"),
                            BigDecimal.ZERO),
                    CLOCK);
            deal.addContactRole(ContactRole.of(ContactId.of(UUID.randomUUID()), BuyingRole.CHAMPION));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Violation> gatesOfOneStage(GatedDeal state) {
        return state.deal.missingFor(state.pipeline, state.prove, state.meetings);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Violation> gatesOfEveryStagePassed(GatedDeal state) {
        return state.deal.missingFor(state.pipeline, state.commit, state.meetings);
    }

    /**
     * {@code deals} opportunities in three pipelines, 100 owners and several close months: 70 % open across the open
     * stages (some with a probability override), 20 % won, 10 % lost; amounts 1,000.00..100,000.00 EUR.
     */
    @State(Scope.Benchmark)
    public static class ManyDeals {
        @Param("1000000")
        int deals;

        List<Opportunity> opportunities;
        Map<PipelineId, Pipeline> pipelines;

        @Setup(Level.Trial)
        public void fill() {
            Random random = new Random(42);
            pipelines = new HashMap<>();
            List<Pipeline> list = List.of(gatedPipeline(), gatedPipeline(), gatedPipeline());
            list.forEach(p -> pipelines.put(p.id(), p));
            List<UserId> owners = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                owners.add(UserId.of(new UUID(1, i)));
            }
            opportunities = new ArrayList<>(deals);
            Instant created = Instant.parse("2026-01-05T08:00:00Z");
            for (int i = 0; i < deals; i++) {
                Pipeline pipeline = list.get(i % list.size());
                int kind = random.nextInt(10);
                OpportunityStatus status =
                        kind < 7 ? OpportunityStatus.OPEN : kind < 9 ? OpportunityStatus.WON : OpportunityStatus.LOST;
                Stage stage = switch (status) {
                    case OPEN ->
                        pipeline.openStages()
                                .get(random.nextInt(pipeline.openStages().size()));
                    case WON -> pipeline.wonStage();
                    case LOST -> pipeline.lostStage();
                };
                LocalDate close = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
                Instant closedAt = status == OpportunityStatus.OPEN
                        ? null
                        : close.atStartOfDay().toInstant(ZoneOffset.UTC);
                Money amount = Money.ofMinor(100_000L + random.nextInt(9_900_000), EUR);
                Integer override = status == OpportunityStatus.OPEN && random.nextInt(10) == 0 ? 90 : null;
                opportunities.add(Opportunity.restore(new OpportunityState(
                        TenantId.DEFAULT,
                        OpportunityId.of(new UUID(2, i)),
                        1,
                        "Deal " + i,
                        AccountId.of(new UUID(3, i)),
                        null,
                        pipeline.id(),
                        stage.id(),
                        created,
                        status,
                        EUR,
                        amount,
                        close,
                        owners.get(random.nextInt(owners.size())),
                        override,
                        null,
                        List.of(),
                        List.of(),
                        List.of(new StageChange(null, stage.id(), created, Actor.SYSTEM)),
                        List.of(),
                        status == OpportunityStatus.OPEN ? null : "reason",
                        null,
                        closedAt,
                        null,
                        Map.of(),
                        null,
                        null,
                        created,
                        List.of())));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public Forecast forecastRollUpOfAQuarter(ManyDeals state) {
        return Forecast.rollUp(
                ForecastScope.ALL,
                QuotaPeriod.quarter(2026, 2),
                EUR,
                state.opportunities,
                deal -> true,
                state.pipelines::get,
                ZoneOffset.UTC,
                null);
    }
}
