package org.crmkit.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.DealTotal;
import org.crmkit.core.sales.Forecast;
import org.crmkit.core.sales.ForecastAccuracy;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineMetrics;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;

/**
 * Forecasts of the calling tenant's deals against quotas, their snapshots and accuracy, and pipeline metrics: what
 * the sales organisation reads about its deals in aggregate ({@link Sales} changes the deals). Thread-safe.
 */
public final class Forecasts {

    private final UseCases useCases;

    Forecasts(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * The forecast of the scope for the period in the currency, as of now, measured against the scope's quota for
     * exactly that period (see {@link Forecast} for what counts). A team scope counts the deals of its members and
     * its lead.
     */
    public Forecast forecast(ForecastScope scope, QuotaPeriod period, Currency currency) {
        Require.notNull(scope, "scope");
        Require.notNull(period, "period");
        Require.notNull(currency, "currency");
        Map<PipelineId, Pipeline> pipelines = new HashMap<>();
        useCases.storage.pipelines().findAll(useCases.tenant()).forEach(p -> pipelines.put(p.id(), p));
        LocalDate first = period.first().atDay(1);
        LocalDate last = period.last().atEndOfMonth();
        // a deal won in the period is one whose close time falls on one of its days in the clock's zone
        List<DealTotal> totals = useCases.opportunities()
                .forecastTotals(useCases.tenant(), first, last, startOf(first), startOf(last.plusDays(1)));
        QuotaHolder holder = scope.quotaHolder();
        Quota quota = holder == null
                ? null
                : useCases.quotas().findFor(useCases.tenant(), holder, period).orElse(null);
        return Forecast.fromTotals(scope, period, currency, totals, scopeFilter(scope), pipelines::get, quota);
    }

    /** Whether a deal's owner is in the scope. */
    private Predicate<UserId> scopeFilter(ForecastScope scope) {
        if (scope.owner() != null) {
            return owner -> owner.equals(scope.owner());
        }
        if (scope.team() != null) {
            Team team = Reads.found(
                    useCases.storage.teams().findById(useCases.tenant(), scope.team()), "Team", scope.team());
            return team::includes;
        }
        return owner -> true;
    }

    /**
     * Keeps the forecast as it stands now, for measuring forecast accuracy later. Under a sharing model that
     * restricts forecast snapshots, refused with an {@code AccessDeniedException} for a scope whose figures the
     * acting user may not read.
     */
    public ForecastSnapshot takeForecastSnapshot(ForecastScope scope, QuotaPeriod period, Currency currency) {
        Forecast forecast = forecast(scope, period, currency);
        return useCases.save(
                ForecastSnapshot.take(
                        useCases.tenant(), ForecastSnapshotId.next(useCases.ids), forecast, useCases.clock),
                useCases.storage.forecastSnapshots()::save);
    }

    /** The snapshots of the scope and period that the acting user may read, oldest first. */
    public List<ForecastSnapshot> forecastSnapshots(ForecastScope scope, QuotaPeriod period) {
        return useCases.forecastSnapshots()
                .findFor(useCases.tenant(), Require.notNull(scope, "scope"), Require.notNull(period, "period"));
    }

    /**
     * How well each snapshot of the scope and period in the currency predicted what has been won in the period by
     * now, oldest snapshot first.
     */
    public List<ForecastAccuracy> forecastAccuracy(ForecastScope scope, QuotaPeriod period, Currency currency) {
        Money won = forecast(scope, period, currency).won();
        return forecastSnapshots(scope, period).stream()
                .filter(snapshot -> snapshot.forecast().currency().equals(currency))
                .map(snapshot -> ForecastAccuracy.of(snapshot, won))
                .toList();
    }

    /**
     * Counts, values, conversion, win rate and cycle times of all the pipeline's deals, open and ever closed, values
     * in the currency. Reads every deal the pipeline ever closed: for a pipeline with a long history, {@link
     * #pipelineMetrics(PipelineId, Currency, QuotaPeriod)} reads only a period's.
     */
    public PipelineMetrics pipelineMetrics(PipelineId pipelineId, Currency currency) {
        Require.notNull(currency, "currency");
        Pipeline pipeline = loadPipeline(pipelineId);
        List<Opportunity> deals = openDealsOf(pipeline);
        for (StageId closing :
                List.of(pipeline.wonStage().id(), pipeline.lostStage().id())) {
            deals.addAll(Reads.everyPage(
                    request -> useCases.opportunities().findByStage(useCases.tenant(), closing, request)));
        }
        return PipelineMetrics.of(pipeline, currency, deals);
    }

    /**
     * The metrics of {@link #pipelineMetrics(PipelineId, Currency)} over the pipeline's open deals and the deals it
     * won or lost in the period (their close time on one of the period's days in the clock's zone): win rate, sales
     * cycle, conversion and time in stage of the period's closed deals and of today's open ones. Reads only those
     * deals.
     */
    public PipelineMetrics pipelineMetrics(PipelineId pipelineId, Currency currency, QuotaPeriod period) {
        Require.notNull(currency, "currency");
        Require.notNull(period, "period");
        Pipeline pipeline = loadPipeline(pipelineId);
        Instant from = startOf(period.first().atDay(1));
        Instant to = startOf(period.last().atEndOfMonth().plusDays(1));
        List<Opportunity> deals = openDealsOf(pipeline);
        deals.addAll(Reads.everyPage(request ->
                useCases.opportunities().findClosedInPipeline(useCases.tenant(), pipeline.id(), from, to, request)));
        return PipelineMetrics.of(pipeline, currency, deals);
    }

    private Pipeline loadPipeline(PipelineId id) {
        Require.notNull(id, "pipelineId");
        return Reads.found(useCases.pipelines().findById(useCases.tenant(), id), "Pipeline", id);
    }

    private List<Opportunity> openDealsOf(Pipeline pipeline) {
        return new ArrayList<>(Reads.everyPage(
                request -> useCases.opportunities().findOpenInPipeline(useCases.tenant(), pipeline.id(), request)));
    }

    /** The instant a day starts in the clock's zone. */
    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(useCases.clock.getZone()).toInstant();
    }

    /**
     * Sets the quota of a user or team for a period, replacing the amount of an existing one. Under a sharing model
     * that restricts quotas, only a user above the holder in the manager hierarchy (for a team: its lead or a user
     * above the lead) sets it; anyone else is refused with an {@code AccessDeniedException}.
     */
    public Quota setQuota(QuotaHolder holder, QuotaPeriod period, Money amount) {
        Require.notNull(holder, "holder");
        Require.notNull(period, "period");
        return useCases.write(() -> {
            useCases.references.team(holder.team(), "holder.team");
            Optional<Quota> existing = useCases.storage.quotas().findFor(useCases.tenant(), holder, period);
            Quota quota;
            if (existing.isPresent()) {
                quota = existing.get();
                quota.changeAmount(amount, useCases.clock);
            } else {
                quota = Quota.set(
                        useCases.tenant(), QuotaId.next(useCases.ids), holder, period, amount, useCases.clock);
            }
            return useCases.save(quota, useCases.storage.quotas()::save);
        });
    }

    /** The holder's quota for exactly the period; empty also when the acting user may not read it. */
    public Optional<Quota> quota(QuotaHolder holder, QuotaPeriod period) {
        return useCases.quotas()
                .findFor(useCases.tenant(), Require.notNull(holder, "holder"), Require.notNull(period, "period"));
    }

    /** Quotas overlapping the period that the acting user may read, by period. */
    public List<Quota> quotasOverlapping(QuotaPeriod period) {
        return useCases.quotas().findOverlapping(useCases.tenant(), Require.notNull(period, "period"));
    }
}
