package org.crmkit.analytics.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseModel;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.SegmentMap;
import org.crmkit.analytics.SpendHistory;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;

/**
 * Scores every account that bought in a period from the CRM's own billing and writes the scores back
 * ({@code crm.scores()}), where offers, segments, views and workflows read them. One run reads the lines of the
 * paid invoices issued in the period ({@link BillingPurchases#linesOfPaidInvoices(org.crmkit.core.Billing,
 * LocalDate, LocalDate)}), and per account computes:
 * <ul>
 *   <li>the profit tier ({@link Profitability}: revenue minus the lines' cost of goods minus the cost per order
 *       day, key from the key threshold on);
 *   <li>the RFM segment ({@link RfmAnalysis} with the segment map, standard by default), as of the period's end;
 *   <li>the lifetime value over the horizon, the probability that the account still buys and the value at risk,
 *       from a BG/NBD purchase model and a Gamma-Gamma spend model, fitted to the period's purchases unless the host
 *       gives known models. When the data are too few for a fit, the scores carry no prediction and the report says
 *       why.
 * </ul>
 * Accounts without a paid invoice in the period are not scored (and keep any earlier score). Scores are written in
 * transactions of {@value #BATCH}. Run it as the system actor (or a user who may read every account) of the tenant
 * to score; a daily or weekly job is typical. Not thread-safe; build one per run or per thread.
 */
public final class CustomerScoreRefresh {

    /** Scores written per transaction. */
    static final int BATCH = 500;

    /**
     * What a run did.
     *
     * @param asOf              the last day of the period read
     * @param scored            accounts scored
     * @param predicted         accounts whose score carries a prediction (all of them or none)
     * @param tiers             accounts per tier
     * @param predictionProblem why the scores carry no prediction, or null when they do
     */
    public record Report(
            LocalDate asOf, int scored, int predicted, Map<CustomerTier, Integer> tiers, String predictionProblem) {

        public Report {
            tiers = Map.copyOf(tiers);
        }
    }

    private final Crm crm;
    private final LocalDate from;
    private final LocalDate to;
    private final BigDecimal costPerOrder;
    private final BigDecimal keyThreshold;
    private final SegmentMap segments;
    private final PeriodUnit unit;
    private final int horizonMonths;
    private final double monthlyDiscountRate;
    private final PurchaseModel knownPurchases;
    private final GammaGammaModel knownSpend;

    private CustomerScoreRefresh(Builder builder) {
        this.crm = builder.crm;
        this.from = Require.notNull(builder.from, "from");
        this.to = Require.notNull(builder.to, "to");
        Require.that(!to.isBefore(from), "to", "is " + to + ", before the period's first day " + from);
        this.costPerOrder = builder.costPerOrder;
        this.keyThreshold = Require.notNull(builder.keyThreshold, "keyThreshold");
        this.segments = builder.segments;
        this.unit = builder.unit;
        this.horizonMonths = builder.horizonMonths;
        this.monthlyDiscountRate = builder.monthlyDiscountRate;
        this.knownPurchases = builder.knownPurchases;
        this.knownSpend = builder.knownSpend;
    }

    /** Starts configuring a refresh over the billing of {@code crm}'s tenant. */
    public static Builder builder(Crm crm) {
        return new Builder(Require.notNull(crm, "crm"));
    }

    /** Reads the period's paid invoices, scores every account that bought and writes the scores. */
    public Report run() {
        BillingPurchases.Purchases purchases = BillingPurchases.paidInvoiceLines(crm.billing(), from, to);
        List<PurchaseRecord> records = purchases.sorted();
        if (records.isEmpty()) {
            return new Report(to, 0, 0, Map.of(), "no paid invoice was issued from " + from + " to " + to);
        }
        Currency currency = purchases.currency();
        List<CustomerSummary> customers =
                Analytics.summarizer(to, unit).addAll(records).summaries();
        Profitability profitability = Profitability.of(costPerOrder, keyThreshold);
        records.forEach(profitability::add);
        Map<String, Profitability.CustomerProfit> profits = new HashMap<>();
        profitability.customers().forEach(profit -> profits.put(profit.customerId(), profit));
        Map<String, RfmScore> rfm = new HashMap<>();
        RfmAnalysis.of(segments, RfmAnalysis.Monetary.TOTAL)
                .score(customers)
                .scores()
                .forEach(score -> rfm.put(score.customerId(), score));

        String problem = null;
        List<CustomerScore.Prediction> predictions = null;
        try {
            predictions = predictions(customers, currency);
        } catch (AnalyticsException tooFewData) {
            problem = tooFewData.getMessage();
        }
        List<CustomerScore> scores = new ArrayList<>(customers.size());
        Map<CustomerTier, Integer> tiers = new EnumMap<>(CustomerTier.class);
        for (int i = 0; i < customers.size(); i++) {
            String customer = customers.get(i).customerId();
            Profitability.CustomerProfit profit = profits.get(customer);
            CustomerTier tier = CustomerTier.valueOf(profit.tier().name());
            tiers.merge(tier, 1, Integer::sum);
            scores.add(new CustomerScore(
                    RecordRef.account(AccountId.parse(customer)),
                    to,
                    tier,
                    Money.of(profit.profit(), currency),
                    rfm.get(customer).segment(),
                    predictions == null ? null : predictions.get(i)));
        }
        for (int start = 0; start < scores.size(); start += BATCH) {
            crm.scores().recordAll(scores.subList(start, Math.min(scores.size(), start + BATCH)));
        }
        return new Report(to, scores.size(), predictions == null ? 0 : scores.size(), tiers, problem);
    }

    /** Every customer's prediction, in the order of the list; an AnalyticsException when a model cannot be fitted. */
    private List<CustomerScore.Prediction> predictions(List<CustomerSummary> customers, Currency currency) {
        PurchaseModel purchases = knownPurchases != null
                ? knownPurchases
                : BgNbdModel.fit(
                        customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        GammaGammaModel spend = knownSpend != null
                ? knownSpend
                : GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        double[] values = new double[customers.size()];
        double[] probabilityAlive = new double[customers.size()];
        LifetimeValue.of(purchases, spend, horizonMonths, monthlyDiscountRate, unit)
                .estimates(customers, values, null, probabilityAlive);
        List<CustomerScore.Prediction> predictions = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            CustomerSummary customer = customers.get(i);
            double alive = probabilityAlive[i];
            predictions.add(new CustomerScore.Prediction(
                    money(values[i], currency),
                    alive,
                    money((1 - alive) * customer.totalSpend().doubleValue(), currency)));
        }
        return predictions;
    }

    private static Money money(double amount, Currency currency) {
        return Money.of(
                BigDecimal.valueOf(amount).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN),
                currency);
    }

    /** Configures a {@link CustomerScoreRefresh}: the period and the key threshold are required. */
    public static final class Builder {

        private final Crm crm;
        private LocalDate from;
        private LocalDate to;
        private BigDecimal costPerOrder = BigDecimal.ZERO;
        private BigDecimal keyThreshold;
        private SegmentMap segments = SegmentMap.standard();
        private PeriodUnit unit = PeriodUnit.WEEKS;
        private int horizonMonths = 12;
        private double monthlyDiscountRate = 0.01;
        private PurchaseModel knownPurchases;
        private GammaGammaModel knownSpend;

        private Builder(Crm crm) {
            this.crm = crm;
        }

        /** The invoices read: issued from {@code from} to {@code to}, both included; {@code to} is the scores' date. */
        public Builder period(LocalDate from, LocalDate to) {
            this.from = Require.notNull(from, "from");
            this.to = Require.notNull(to, "to");
            return this;
        }

        /** The cost to serve an order (per purchase day of an account); 0 by default. */
        public Builder costPerOrder(BigDecimal costPerOrder) {
            this.costPerOrder = Require.notNegative(Require.notNull(costPerOrder, "costPerOrder"), "costPerOrder");
            return this;
        }

        /** The profit from which an account is a key customer; required. */
        public Builder keyThreshold(BigDecimal keyThreshold) {
            this.keyThreshold = Require.notNegative(Require.notNull(keyThreshold, "keyThreshold"), "keyThreshold");
            return this;
        }

        /** The RFM segments; {@link SegmentMap#standard()} by default. */
        public Builder segments(SegmentMap segments) {
            this.segments = Require.notNull(segments, "segments");
            return this;
        }

        /** The period unit of the models; weeks by default. */
        public Builder unit(PeriodUnit unit) {
            this.unit = Require.notNull(unit, "unit");
            return this;
        }

        /** The lifetime value's horizon and monthly discount rate; 12 months at 0.01 by default. */
        public Builder horizon(int months, double monthlyDiscountRate) {
            this.horizonMonths = Require.positive(months, "months");
            Require.that(
                    monthlyDiscountRate >= 0 && Double.isFinite(monthlyDiscountRate),
                    "monthlyDiscountRate",
                    "must be finite and not negative, was " + monthlyDiscountRate);
            this.monthlyDiscountRate = monthlyDiscountRate;
            return this;
        }

        /**
         * Known models (fitted on more history, or published parameters) instead of models fitted to the period's
         * purchases: for a small CRM whose purchases are too few to fit them.
         */
        public Builder models(PurchaseModel purchases, GammaGammaModel spend) {
            this.knownPurchases = Require.notNull(purchases, "purchases");
            this.knownSpend = Require.notNull(spend, "spend");
            return this;
        }

        public CustomerScoreRefresh build() {
            return new CustomerScoreRefresh(this);
        }
    }
}
