package org.crmkit.benchmarks.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineMetrics;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageMetrics;
import org.crmkit.persistence.jpa.JpaStorage;

/**
 * A quarter's forecast on the embedded PostgreSQL 17 among 1,000,000 deals of one pipeline, 160 owners: every 20th
 * deal is open (50,000, expected to close from July 2026 to June 2027, in the three open stages), the others were won
 * or lost, alternately, spread evenly over the ten years before 7 December 2026. {@code Crm.sales().forecast} of the
 * fourth quarter of 2026 for the whole tenant and for one owner, and the pipeline metrics of that quarter (the open
 * deals and the quarter's won and lost ones read), sampled after a warm-up, median, p90, p99 and maximum; with {@code
 * --before}, also once the way the forecast was computed before schema 24 (every open and every won deal of the
 * pipeline read and rolled up, {@link Forecast#rollUp}) and the all-time pipeline metrics (every deal read). The deals are inserted by SQL from documents of
 * stored deals, then analysed; the plans of the two statements are printed. Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaForecastScenario [--deals 1000000] [--before]
 * </pre>
 */
public final class JpaForecastScenario {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final QuotaPeriod QUARTER = QuotaPeriod.quarter(2026, 4);

    private final BenchmarkDatabase database;
    private final JpaStorage storage;
    private final int deals;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private JpaForecastScenario(BenchmarkDatabase database, int deals) {
        this.database = database;
        this.storage = database.storage();
        this.deals = deals;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int deals = arguments.indexOf("--deals") >= 0
                ? Integer.parseInt(arguments.get(arguments.indexOf("--deals") + 1))
                : 1_000_000;
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            new JpaForecastScenario(database, deals).run(arguments.contains("--before"));
        }
    }

    private void run(boolean before) throws Exception {
        IdGenerator ids = new IdGenerator(clock);
        Pipeline pipeline = storage.transactions()
                .inTransaction(() -> storage.pipelines()
                        .save(Pipeline.define(
                                TENANT,
                                PipelineId.next(ids),
                                "New business",
                                List.of(
                                        Stage.open(StageId.next(ids), "Qualify", 10, ForecastCategory.PIPELINE),
                                        Stage.open(StageId.next(ids), "Propose", 50, ForecastCategory.BEST_CASE),
                                        Stage.open(StageId.next(ids), "Negotiate", 80, ForecastCategory.COMMIT),
                                        Stage.won(StageId.next(ids), "Won"),
                                        Stage.lost(StageId.next(ids), "Lost")),
                                null,
                                clock)));
        long started = System.nanoTime();
        insertDeals(pipeline, ids);
        database.execute("vacuum analyze");
        System.out.printf("%,d deals stored by SQL in %.1f s%n", deals, (System.nanoTime() - started) / 1e9);
        explain();
        Crm crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT).build();
        System.out.printf("load average before: %s%n", Sampling.loadAverage());
        Forecast whole = crm.forecasts().forecast(ForecastScope.ALL, QUARTER, EUR);
        System.out.printf("forecast of %s: %s%n", QUARTER, whole);
        Sampling.measure(
                "forecast of the quarter, whole tenant",
                200,
                () -> crm.forecasts().forecast(ForecastScope.ALL, QUARTER, EUR));
        Sampling.measure(
                "forecast of the quarter, one owner",
                200,
                () -> crm.forecasts().forecast(ForecastScope.owner(JpaVisibilityScenarios.owner(7)), QUARTER, EUR));
        PipelineMetrics quarter = crm.forecasts().pipelineMetrics(pipeline.id(), EUR, QUARTER);
        System.out.printf(
                "pipeline metrics of %s: %d won, %d lost, %d open%n",
                QUARTER,
                quarter.won(),
                quarter.lost(),
                quarter.stages().stream().mapToLong(StageMetrics::openDeals).sum());
        Sampling.measure(
                "pipeline metrics of the quarter (the open deals and the quarter's closed ones read)",
                10,
                () -> crm.forecasts().pipelineMetrics(pipeline.id(), EUR, QUARTER));
        if (before) {
            long metricsStart = System.nanoTime();
            crm.forecasts().pipelineMetrics(pipeline.id(), EUR);
            System.out.printf(
                    "pipeline metrics of all time (every deal of the pipeline read): %.2f s%n",
                    (System.nanoTime() - metricsStart) / 1e9);
            long start = System.nanoTime();
            Forecast old = rolledUpAsBefore(crm, pipeline);
            System.out.printf(
                    "forecast of the quarter as before schema 24 (every open and won deal read): %.2f s, same: %s%n",
                    (System.nanoTime() - start) / 1e9, old.equals(whole));
        }
        System.out.printf("load average after: %s%n", Sampling.loadAverage());
    }

    /** The forecast as crmkit computed it before: every open deal and every won deal of the pipeline, rolled up. */
    private static Forecast rolledUpAsBefore(Crm crm, Pipeline pipeline) {
        List<Opportunity> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            List<Opportunity> page =
                    crm.sales().openOpportunities(pipeline.id(), request).items();
            all.addAll(page);
            if (page.size() < request.size()) {
                break;
            }
            request = request.next();
        }
        request = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            List<Opportunity> page = crm.sales()
                    .opportunitiesInStage(pipeline.wonStage().id(), request)
                    .items();
            all.addAll(page);
            if (page.size() < request.size()) {
                break;
            }
            request = request.next();
        }
        return Forecast.rollUp(
                ForecastScope.ALL, QUARTER, EUR, all, deal -> true, id -> pipeline, ZoneOffset.UTC, null);
    }

    /** The plans of the two statements of a forecast of the quarter, as the adapter writes them. */
    private void explain() throws SQLException {
        String select = "select pipeline_id, stage_id, owner_id, status, currency, probability_override, count(*),"
                + " sum(amount) from crm_opportunity where tenant_id = '" + TENANT.value() + "' and ";
        String group = " and amount is not null group by 1, 2, 3, 4, 5, 6";
        List<String> statements = List.of(
                select + "status = 'OPEN' and expected_close_date >= '2026-10-01' and expected_close_date <="
                        + " '2026-12-31'" + group,
                select + "status = 'WON' and closed_at >= '2026-10-01T00:00:00Z' and closed_at < '2027-01-01T00:00:00Z'"
                        + group);
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            for (String query : statements) {
                System.out.println("explain analyze " + query);
                try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + query)) {
                    while (plan.next()) {
                        System.out.println("  " + plan.getString(1));
                    }
                }
            }
        }
    }

    /**
     * Deal {@code i}: open when {@code i % 20 == 0}, else won when {@code i} is odd and lost when even; owner {@code
     * i % 160}; amounts from 1,000.00 to 100,999.00 EUR; an open deal's stage is {@code i % 3} of the open stages.
     */
    private void insertDeals(Pipeline pipeline, IdGenerator ids) throws SQLException {
        String open = template(pipeline, ids, 0);
        String won = template(pipeline, ids, 1);
        String lost = template(pipeline, ids, 2);
        long tenYears = 10L * 365 * 24 * 3600;
        String deal = "select i, ('018f0002-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid as id,"
                + " ('018f0000-0000-7000-8000-' || lpad(to_hex(i %% 160), 12, '0'))::uuid as owner,"
                + " cast(1000 + (i::bigint * 7919) %% 100000 as numeric(30, 12)) as amount,"
                + " timestamp with time zone '2016-12-07 12:00:00+00' + make_interval(secs => cast(i as double"
                + " precision) * " + tenYears + " / ?) as closed,"
                + " date '2026-07-01' + (i / 20) %% 365 as closes"
                + " from generate_series(0, ? - 1) i";
        String insert = "insert into crm_opportunity (tenant_id, id, version, owner_id, account_id, pipeline_id,"
                + " stage_id, status, expected_close_date, close_order, created_at, document, amount, currency,"
                + " probability_override, closed_at)"
                + " select ?, g.id, 1, g.owner, g.owner, ?, %s, '%s', %s, %s, %s,"
                + " jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(cast(? as jsonb), '{id,value}',"
                + " to_jsonb(g.id::text)), '{owner,value}', to_jsonb(g.owner::text)), '{amount,amount}',"
                + " to_jsonb(g.amount)), '{stage,value}', to_jsonb(cast(%s as text))), '{expectedCloseDate}', %s),"
                + " '{closedAt}', %s), g.amount, 'EUR', null, %s"
                + " from (" + deal + ") g where %s";
        List<Stage> stages = pipeline.openStages();
        String openStage = "case g.i % 3 when 0 then '" + stages.get(0).id().value() + "'::uuid when 1 then '"
                + stages.get(1).id().value() + "'::uuid else '"
                + stages.get(2).id().value() + "'::uuid end";
        String wonStage = "'" + pipeline.wonStage().id().value() + "'::uuid";
        String lostStage = "'" + pipeline.lostStage().id().value() + "'::uuid";
        String closedText = "to_jsonb(to_char(g.closed at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))";
        try (Connection connection = database.connection()) {
            String created = "g.closed - interval '30 days'";
            String noDate = "'null'::jsonb";
            insert(
                    connection,
                    pipeline,
                    open,
                    String.format(
                            insert,
                            openStage,
                            "OPEN",
                            "g.closes",
                            "g.closes",
                            created,
                            openStage,
                            "to_jsonb(cast(g.closes as text))",
                            noDate,
                            "null",
                            "g.i % 20 = 0"));
            insert(
                    connection,
                    pipeline,
                    won,
                    String.format(
                            insert,
                            wonStage,
                            "WON",
                            "null",
                            "date '9999-12-31'",
                            created,
                            wonStage,
                            noDate,
                            closedText,
                            "g.closed",
                            "g.i % 20 <> 0 and g.i % 2 = 1"));
            insert(
                    connection,
                    pipeline,
                    lost,
                    String.format(
                            insert,
                            lostStage,
                            "LOST",
                            "null",
                            "date '9999-12-31'",
                            created,
                            lostStage,
                            noDate,
                            closedText,
                            "g.closed",
                            "g.i % 20 <> 0 and g.i % 2 = 0"));
        }
    }

    private void insert(Connection connection, Pipeline pipeline, String template, String statement)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(statement)) {
            insert.setString(1, TENANT.value());
            insert.setObject(2, pipeline.id().value());
            insert.setString(3, template);
            insert.setInt(4, deals);
            insert.setInt(5, deals);
            insert.execute();
        }
    }

    /** The document of a deal of the pipeline, open (0), won (1) or lost (2), stored and deleted again. */
    private String template(Pipeline pipeline, IdGenerator ids, int fate) throws SQLException {
        Opportunity deal = Opportunity.open(
                TENANT,
                OpportunityId.next(ids),
                NewOpportunity.of("Deal", AccountId.next(ids), pipeline.id(), EUR, JpaVisibilityScenarios.owner(0))
                        .withAmount(Money.of("1000.00", "EUR"))
                        .withExpectedCloseDate(LocalDate.of(2026, 12, 1)),
                pipeline,
                Actor.SYSTEM,
                clock);
        if (fate == 1) {
            deal.markWon(pipeline, "Best fit", Actor.SYSTEM, clock);
        } else if (fate == 2) {
            deal.markLost(pipeline, "Price", null, Actor.SYSTEM, clock);
        }
        storage.transactions().inTransaction(() -> storage.opportunities().save(deal));
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select document::text from crm_opportunity")) {
            row.next();
            String document = row.getString(1);
            statement.execute("delete from crm_opportunity");
            return document;
        }
    }
}
