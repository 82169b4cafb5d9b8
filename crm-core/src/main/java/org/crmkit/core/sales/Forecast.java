package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * A sales forecast of one scope for one period in one currency.
 *
 * <p>Counted: open deals expected to close in the period, in the forecast category of their stage and weighted by
 * their probability (override or stage default); won deals closed in the period, as {@link ForecastCategory#CLOSED}
 * at 100 %. Lost deals, and deals with an unknown amount, count in no total; deals in another currency are only
 * counted in {@code otherCurrencyDeals}. {@code weighted} is the sum of amount × probability over all counted deals,
 * rounded half-even to the minor unit once at the end; {@code attainmentPercent} is won ÷ quota × 100 with two
 * decimals (null without a quota or with a zero quota).
 */
public record Forecast(
        ForecastScope scope,
        QuotaPeriod period,
        Currency currency,
        Map<ForecastCategory, CategoryTotal> byCategory,
        Money weighted,
        Money won,
        Money quota,
        BigDecimal attainmentPercent,
        long otherCurrencyDeals) {

    public Forecast {
        Require.notNull(scope, "scope");
        Require.notNull(period, "period");
        Require.notNull(currency, "currency");
        byCategory = Map.copyOf(Require.notNull(byCategory, "byCategory"));
        Require.notNull(weighted, "weighted");
        Require.notNull(won, "won");
    }

    /** The total of one category (zero when no deal is in it). */
    public CategoryTotal total(ForecastCategory category) {
        CategoryTotal total = byCategory.get(Require.notNull(category, "category"));
        return total != null ? total : new CategoryTotal(0, Money.zero(currency), Money.zero(currency));
    }

    /**
     * Rolls up a forecast in one pass over {@code deals} (any number; they need not be filtered by scope or period
     * beforehand, except that a team scope's membership is decided by {@code inScope}). {@code pipelines} finds the
     * pipeline of a deal; {@code zone} turns a won deal's close time into a date; {@code quota} may be null.
     * Memory use does not grow with the number of deals.
     */
    public static Forecast rollUp(
            ForecastScope scope,
            QuotaPeriod period,
            Currency currency,
            Iterable<Opportunity> deals,
            Predicate<Opportunity> inScope,
            Function<PipelineId, Pipeline> pipelines,
            ZoneId zone,
            Quota quota) {
        Require.notNull(period, "period");
        Require.notNull(deals, "deals");
        Require.notNull(inScope, "inScope");
        Require.notNull(zone, "zone");
        Iterable<DealTotal> totals = () -> StreamSupport.stream(deals.spliterator(), false)
                .filter(deal -> deal.status() != OpportunityStatus.LOST && deal.amount() != null && inScope.test(deal))
                .filter(deal -> {
                    boolean won = deal.status() == OpportunityStatus.WON;
                    LocalDate closes = won ? LocalDate.ofInstant(deal.closedAt(), zone) : deal.expectedCloseDate();
                    return closes != null && period.contains(closes);
                })
                .map(deal -> new DealTotal(
                        deal.pipeline(),
                        deal.stage(),
                        deal.owner(),
                        deal.status(),
                        deal.currency(),
                        deal.probabilityOverride(),
                        1,
                        deal.amount().amount()))
                .iterator();
        return fromTotals(scope, period, currency, totals, owner -> true, pipelines, quota);
    }

    /**
     * A forecast from the sums of the deals it counts ({@link
     * org.crmkit.core.spi.OpportunityRepository#forecastTotals}: open deals expected to close in the period and deals
     * won in it, with an amount): those of owners {@code inScope} accepts and, for a scope of one pipeline, of that
     * pipeline, counted as {@link Forecast} says. {@code pipelines} finds a pipeline by id (null for one that does not
     * exist, whose deals count nowhere); {@code quota} may be null.
     */
    public static Forecast fromTotals(
            ForecastScope scope,
            QuotaPeriod period,
            Currency currency,
            Iterable<DealTotal> totals,
            Predicate<UserId> inScope,
            Function<PipelineId, Pipeline> pipelines,
            Quota quota) {
        Require.notNull(scope, "scope");
        Require.notNull(period, "period");
        Require.notNull(currency, "currency");
        Require.notNull(totals, "totals");
        Require.notNull(inScope, "inScope");
        Require.notNull(pipelines, "pipelines");
        Accumulator[] byCategoryTotals = new Accumulator[ForecastCategory.values().length];
        long otherCurrency = 0;
        for (DealTotal total : totals) {
            Pipeline pipeline = pipelines.apply(total.pipeline());
            if (total.status() == OpportunityStatus.LOST
                    || pipeline == null
                    || !inScope.test(total.owner())
                    || (scope.pipeline() != null && !scope.pipeline().equals(total.pipeline()))) {
                continue;
            }
            if (!total.currency().equals(currency)) {
                otherCurrency += total.deals();
                continue;
            }
            boolean won = total.status() == OpportunityStatus.WON;
            Stage stage = won ? null : pipeline.requireStage(total.stage());
            ForecastCategory category = won ? ForecastCategory.CLOSED : stage.forecastCategory();
            int probability = won
                    ? 100
                    : total.probabilityOverride() != null ? total.probabilityOverride() : stage.probabilityPercent();
            Accumulator sum = byCategoryTotals[category.ordinal()];
            if (sum == null) {
                sum = new Accumulator();
                byCategoryTotals[category.ordinal()] = sum;
            }
            sum.add(total.deals(), total.amount(), probability);
        }
        Map<ForecastCategory, CategoryTotal> byCategory = new EnumMap<>(ForecastCategory.class);
        BigDecimal weightedCents = BigDecimal.ZERO;
        for (ForecastCategory category : ForecastCategory.values()) {
            Accumulator total = byCategoryTotals[category.ordinal()];
            if (total != null) {
                byCategory.put(category, total.toTotal(currency));
                weightedCents = weightedCents.add(total.weightedTimesHundred);
            }
        }
        Money weighted = Money.of(weightedCents.movePointLeft(2), currency).rounded(RoundingMode.HALF_EVEN);
        Money won = byCategory.containsKey(ForecastCategory.CLOSED)
                ? byCategory.get(ForecastCategory.CLOSED).amount()
                : Money.zero(currency);
        Money quotaAmount = quota == null || !quota.amount().currency().equals(currency) ? null : quota.amount();
        BigDecimal attainment = quotaAmount == null || quotaAmount.isZero()
                ? null
                : won.amount()
                        .multiply(BigDecimal.valueOf(100))
                        .divide(quotaAmount.amount(), 2, RoundingMode.HALF_EVEN);
        return new Forecast(scope, period, currency, byCategory, weighted, won, quotaAmount, attainment, otherCurrency);
    }

    private static final class Accumulator {
        private long deals;
        private BigDecimal amount = BigDecimal.ZERO;
        private BigDecimal weightedTimesHundred = BigDecimal.ZERO;

        void add(long count, BigDecimal dealsAmount, int probability) {
            deals += count;
            amount = amount.add(dealsAmount);
            weightedTimesHundred = weightedTimesHundred.add(dealsAmount.multiply(BigDecimal.valueOf(probability)));
        }

        CategoryTotal toTotal(Currency currency) {
            return new CategoryTotal(
                    deals,
                    Money.of(amount, currency),
                    Money.of(weightedTimesHundred.movePointLeft(2), currency).rounded(RoundingMode.HALF_EVEN));
        }
    }
}
