package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;

/**
 * How a pipeline performs, from its deals' current state and stage histories: per open stage the count and value
 * of open deals, stage-to-stage conversion and average time in stage ({@link StageMetrics}); the number of won and
 * lost deals, the win rate (won ÷ (won + lost) × 100, two decimals; null before any deal closed) and the average
 * sales cycle from opening to winning (null before the first win). Values are in {@code currency}; open deals in
 * another currency count in {@code otherCurrencyDeals} only, not in any value.
 */
public record PipelineMetrics(
        PipelineId pipeline,
        Currency currency,
        List<StageMetrics> stages,
        long won,
        long lost,
        BigDecimal winRatePercent,
        Duration averageSalesCycle,
        long otherCurrencyDeals) {

    public PipelineMetrics {
        Require.notNull(pipeline, "pipeline");
        Require.notNull(currency, "currency");
        stages = Require.noNulls(stages, "stages");
    }

    /** Computes the metrics in one pass over the pipeline's deals (deals of other pipelines are ignored). */
    public static PipelineMetrics of(Pipeline pipeline, Currency currency, Iterable<Opportunity> deals) {
        Require.notNull(pipeline, "pipeline");
        Require.notNull(currency, "currency");
        Require.notNull(deals, "deals");
        Map<StageId, Tally> tallies = new HashMap<>();
        pipeline.openStages().forEach(stage -> tallies.put(stage.id(), new Tally(currency)));
        long won = 0;
        long lost = 0;
        long otherCurrency = 0;
        Duration cycles = Duration.ZERO;
        for (Opportunity deal : deals) {
            if (!deal.pipeline().equals(pipeline.id())) {
                continue;
            }
            switch (deal.status()) {
                case WON -> {
                    won++;
                    cycles = cycles.plus(Duration.between(deal.createdAt(), deal.closedAt()));
                }
                case LOST -> lost++;
                case OPEN -> {
                    if (!deal.currency().equals(currency)) {
                        otherCurrency++;
                    } else {
                        tallies.get(deal.stage()).open(deal.amount());
                    }
                }
            }
            countHistory(pipeline, deal, tallies);
        }
        List<StageMetrics> stages = new ArrayList<>();
        for (Stage stage : pipeline.openStages()) {
            stages.add(tallies.get(stage.id()).toMetrics(stage));
        }
        BigDecimal winRate = won + lost == 0 ? null : percent(won, won + lost);
        Duration cycle = won == 0 ? null : cycles.dividedBy(won);
        return new PipelineMetrics(pipeline.id(), currency, stages, won, lost, winRate, cycle, otherCurrency);
    }

    private static void countHistory(Pipeline pipeline, Opportunity deal, Map<StageId, Tally> tallies) {
        List<StageChange> history = deal.stageHistory();
        Map<StageId, Boolean> advancedFrom = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            StageChange change = history.get(i);
            Tally tally = tallies.get(change.to());
            if (tally != null) {
                advancedFrom.putIfAbsent(change.to(), false);
                if (i + 1 < history.size()) {
                    tally.stay(Duration.between(change.at(), history.get(i + 1).at()));
                }
            }
            Stage reached = pipeline.stage(change.to()).orElse(null);
            if (reached != null && reached.kind() != StageKind.LOST) {
                int position = pipeline.positionOf(reached.id());
                advancedFrom.replaceAll((stage, advanced) ->
                        advanced || pipeline.positionOf(stage) < position || reached.kind() == StageKind.WON);
            }
        }
        advancedFrom.forEach((stage, advanced) -> tallies.get(stage).entered(advanced));
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }

    private static final class Tally {
        private final Currency currency;
        private long open;
        private BigDecimal openValue = BigDecimal.ZERO;
        private long entered;
        private long advanced;
        private long stays;
        private Duration stayed = Duration.ZERO;

        Tally(Currency currency) {
            this.currency = currency;
        }

        void open(Money amount) {
            open++;
            if (amount != null) {
                openValue = openValue.add(amount.amount());
            }
        }

        void entered(boolean wentOn) {
            entered++;
            if (wentOn) {
                advanced++;
            }
        }

        void stay(Duration duration) {
            stays++;
            stayed = stayed.plus(duration);
        }

        StageMetrics toMetrics(Stage stage) {
            return new StageMetrics(
                    stage.id(),
                    stage.name(),
                    open,
                    Money.of(openValue, currency),
                    entered,
                    advanced,
                    entered == 0 ? null : percent(advanced, entered),
                    stays == 0 ? null : stayed.dividedBy(stays));
        }
    }
}
