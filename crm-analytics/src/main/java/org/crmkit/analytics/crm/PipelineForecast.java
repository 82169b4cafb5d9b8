package org.crmkit.analytics.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;

/**
 * The sales forecast from the pipeline: opportunities grouped by the period they are expected to close in and by
 * the forecast category of their stage, with their amount and their expected value (amount times the probability
 * of winning, the deal's override or its stage's default). The history-based forecast of what existing customers
 * will buy again is {@link org.crmkit.analytics.SalesForecast#expectedMonthlyRevenue}; the two answer different
 * questions (new deals in the pipeline, repeat business) and are read side by side.
 *
 * <p>Rules: an open deal counts in the period of its expected close date, in its stage's category; a won deal counts
 * as {@link ForecastCategory#CLOSED} at its full amount in the period it was closed (in the given time zone); lost
 * deals count nowhere. An open deal without an amount or an expected close date cannot be placed: it is counted in
 * {@link #unscheduled()} so that the gap is visible. All amounts must be in one currency (else an
 * {@link AnalyticsException} naming {@code currency}). Immutable.
 */
public final class PipelineForecast {

    /** How long a forecast period is. */
    public enum Granularity {
        /** Calendar months. */
        MONTH,
        /** Calendar quarters, named by their first month. */
        QUARTER;

        YearMonth periodOf(LocalDate date) {
            YearMonth month = YearMonth.from(date);
            return this == MONTH ? month : month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
        }
    }

    /**
     * One cell of the forecast.
     *
     * @param period        the first month of the period
     * @param category      the forecast category
     * @param opportunities how many deals are in the cell
     * @param amount        their amounts added up
     * @param expected      their amounts weighted by their probabilities, rounded half-even to the currency's minor
     *                      unit
     */
    public record Cell(
            YearMonth period, ForecastCategory category, int opportunities, BigDecimal amount, BigDecimal expected) {}

    private final Currency currency;
    private final List<Cell> cells;
    private final int unscheduled;

    private PipelineForecast(Currency currency, List<Cell> cells, int unscheduled) {
        this.currency = currency;
        this.cells = List.copyOf(cells);
        this.unscheduled = unscheduled;
    }

    /**
     * Forecasts the opportunities; {@code pipelines} must hold the pipeline of every opportunity (its stages give
     * the probabilities and categories), {@code zone} turns the instant a deal was won into a date.
     */
    public static PipelineForecast of(
            Collection<Pipeline> pipelines, Iterable<Opportunity> opportunities, Granularity granularity, ZoneId zone) {
        Require.notNull(granularity, "granularity");
        Require.notNull(zone, "zone");
        Map<PipelineId, Pipeline> byId = new HashMap<>();
        pipelines.forEach(p -> byId.put(p.id(), p));
        SortedMap<YearMonth, Map<ForecastCategory, Totals>> grid = new TreeMap<>();
        Currency currency = null;
        int unscheduled = 0;
        for (Opportunity deal : opportunities) {
            if (deal.status() == OpportunityStatus.LOST) {
                continue;
            }
            Pipeline pipeline = byId.get(deal.pipeline());
            if (pipeline == null) {
                throw AnalyticsException.of(
                        AnalyticsException.Reason.INVALID_ARGUMENT,
                        "pipelines",
                        "opportunity " + deal.id() + " is in pipeline " + deal.pipeline() + ", which was not given");
            }
            boolean won = deal.status() == OpportunityStatus.WON;
            if (deal.amount() == null || !won && deal.expectedCloseDate() == null) {
                unscheduled++;
                continue;
            }
            currency = BillingPurchases.sameCurrency(currency, deal.amount().currency(), "opportunity " + deal.id());
            LocalDate closing = won ? LocalDate.ofInstant(deal.closedAt(), zone) : deal.expectedCloseDate();
            ForecastCategory category = won
                    ? ForecastCategory.CLOSED
                    : pipeline.requireStage(deal.stage()).forecastCategory();
            BigDecimal amount = deal.amount().amount();
            BigDecimal probability =
                    BigDecimal.valueOf(deal.probabilityPercent(pipeline)).movePointLeft(2);
            grid.computeIfAbsent(granularity.periodOf(closing), k -> new EnumMap<>(ForecastCategory.class))
                    .computeIfAbsent(category, k -> new Totals())
                    .add(amount, amount.multiply(probability));
        }
        int scale = currency == null ? 2 : currency.getDefaultFractionDigits();
        List<Cell> cells = new ArrayList<>();
        grid.forEach((period, categories) -> categories.forEach((category, totals) -> cells.add(new Cell(
                period,
                category,
                totals.count,
                totals.amount,
                totals.expected.setScale(scale, RoundingMode.HALF_EVEN)))));
        return new PipelineForecast(currency, cells, unscheduled);
    }

    /** The cells, by period and then by category from least to most certain. */
    public List<Cell> cells() {
        return cells;
    }

    /** The expected value per period, all categories together, in period order. */
    public SortedMap<YearMonth, BigDecimal> expectedByPeriod() {
        SortedMap<YearMonth, BigDecimal> result = new TreeMap<>();
        cells.forEach(c -> result.merge(c.period(), c.expected(), BigDecimal::add));
        return Collections.unmodifiableSortedMap(result);
    }

    /** The expected value per category over all periods. */
    public Map<ForecastCategory, BigDecimal> expectedByCategory() {
        Map<ForecastCategory, BigDecimal> result = new EnumMap<>(ForecastCategory.class);
        cells.forEach(c -> result.merge(c.category(), c.expected(), BigDecimal::add));
        return Collections.unmodifiableMap(result);
    }

    /** Open deals without an amount or an expected close date, which the forecast cannot place. */
    public int unscheduled() {
        return unscheduled;
    }

    /** The currency of every amount; null when no deal could be placed. */
    public Currency currency() {
        return currency;
    }

    private static final class Totals {
        private int count;
        private BigDecimal amount = BigDecimal.ZERO;
        private BigDecimal expected = BigDecimal.ZERO;

        void add(BigDecimal dealAmount, BigDecimal dealExpected) {
            count++;
            amount = amount.add(dealAmount);
            expected = expected.add(dealExpected);
        }
    }
}
