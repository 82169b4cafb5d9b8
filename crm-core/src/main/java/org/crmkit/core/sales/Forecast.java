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
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;

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
        Require.notNull(scope, "scope");
        Require.notNull(period, "period");
        Require.notNull(currency, "currency");
        Require.notNull(deals, "deals");
        Require.notNull(inScope, "inScope");
        Require.notNull(pipelines, "pipelines");
        Require.notNull(zone, "zone");
        Accumulator[] totals = new Accumulator[ForecastCategory.values().length];
        long otherCurrency = 0;
        for (Opportunity deal : deals) {
            if (deal.status() == OpportunityStatus.LOST
                    || !inScope.test(deal)
                    || (scope.pipeline() != null && !scope.pipeline().equals(deal.pipeline()))) {
                continue;
            }
            boolean won = deal.status() == OpportunityStatus.WON;
            LocalDate closes = won ? LocalDate.ofInstant(deal.closedAt(), zone) : deal.expectedCloseDate();
            if (closes == null || !period.contains(closes) || deal.amount() == null) {
                continue;
            }
            if (!deal.currency().equals(currency)) {
                otherCurrency++;
                continue;
            }
            Pipeline pipeline = pipelines.apply(deal.pipeline());
            ForecastCategory category = won
                    ? ForecastCategory.CLOSED
                    : pipeline.requireStage(deal.stage()).forecastCategory();
            int probability = won ? 100 : deal.probabilityPercent(pipeline);
            Accumulator total = totals[category.ordinal()];
            if (total == null) {
                total = new Accumulator();
                totals[category.ordinal()] = total;
            }
            total.add(deal.amount().amount(), probability);
        }
        Map<ForecastCategory, CategoryTotal> byCategory = new EnumMap<>(ForecastCategory.class);
        BigDecimal weightedCents = BigDecimal.ZERO;
        for (ForecastCategory category : ForecastCategory.values()) {
            Accumulator total = totals[category.ordinal()];
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

        void add(BigDecimal dealAmount, int probability) {
            deals++;
            amount = amount.add(dealAmount);
            weightedTimesHundred = weightedTimesHundred.add(dealAmount.multiply(BigDecimal.valueOf(probability)));
        }

        CategoryTotal toTotal(Currency currency) {
            return new CategoryTotal(
                    deals,
                    Money.of(amount, currency),
                    Money.of(weightedTimesHundred.movePointLeft(2), currency).rounded(RoundingMode.HALF_EVEN));
        }
    }
}
