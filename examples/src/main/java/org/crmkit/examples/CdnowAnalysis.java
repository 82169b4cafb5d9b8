package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.ChurnRisk;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.ProfitPotential;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseCsvReader;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmReport;
import org.crmkit.analytics.SalesForecast;
import org.crmkit.analytics.SpendHistory;

/**
 * The whole customer analysis on the CDNOW data (Fader, Hardie and Lee 2005): calibration to 1997-09-30 in weeks,
 * the BG/NBD and Gamma-Gamma fits, the holdout check, the top customers by 12-month lifetime value, RFM segments,
 * valuable customers at risk, the key / small / unprofitable split and the possible-profit matrix.
 *
 * <p>Run with the CDNOW sample (2,357 customers, the published fits) or the master file (23,570 customers):
 * <pre>
 * java -cp ... org.crmkit.examples.CdnowAnalysis ../shared/data/cdnow/CDNOW_sample.txt
 * java -cp ... org.crmkit.examples.CdnowAnalysis ../shared/data/cdnow/CDNOW_master.txt
 * </pre>
 * CDNOW has no costs, so the profit part assumes a gross margin of 30% and a cost to serve of $3 per order
 * ({@link #GROSS_MARGIN}, {@link #COST_PER_ORDER}); key customers bring at least $50 profit.
 */
public final class CdnowAnalysis {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);
    /** Assumed share of revenue left after the cost of the CDs. */
    static final BigDecimal GROSS_MARGIN = new BigDecimal("0.30");
    /** Assumed cost to serve one order (picking, shipping, payment). */
    static final BigDecimal COST_PER_ORDER = new BigDecimal("3.00");

    static final BigDecimal KEY_PROFIT = new BigDecimal("50");
    /** Predicted 12-month profit from which a customer's potential counts as high. */
    static final double HIGH_POTENTIAL = 10;

    private CdnowAnalysis() {}

    /** Analyses the CDNOW file named by the only argument (the sample or the master file) and prints the result. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CdnowAnalysis <CDNOW_sample.txt | CDNOW_master.txt>");
            System.exit(2);
        }
        long start = System.nanoTime();
        run(Path.of(args[0]), System.out);
        System.out.printf(Locale.ROOT, "End to end: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * What the analysis of one CDNOW file found.
     *
     * @param sample        whether the file was the 1/10 sample
     * @param records       purchases read
     * @param customers     one calibration/holdout summary per customer
     * @param purchases     the fitted BG/NBD model
     * @param spend         the fitted Gamma-Gamma model
     * @param clv           12-month lifetime value per customer, in the order of {@code customers}
     * @param rfm           RFM scores and segments
     * @param profits       calibration profit per customer, most profitable first
     * @param matrix        the possible-profit matrix
     */
    record Result(
            boolean sample,
            long records,
            List<CustomerSummary> customers,
            BgNbdModel purchases,
            GammaGammaModel spend,
            double[] clv,
            RfmReport rfm,
            List<Profitability.CustomerProfit> profits,
            ProfitPotential matrix) {}

    /** Reads the sample (no header, five columns) or the master file (a header line) and prints the analysis. */
    static void run(Path file, PrintStream out) {
        print(analyse(file), out);
    }

    /** Reads the sample (no header, five columns) or the master file (a header line) and analyses it. */
    static Result analyse(Path file) {
        boolean sample = file.getFileName().toString().contains("sample");
        PurchaseCsvReader reader = sample
                ? Analytics.csv()
                        .whitespaceDelimited()
                        .withoutHeader()
                        .columnNames(List.of("id_total", "id_sample", "date", "num_cd_purc", "total_value"))
                        .customerColumn("id_sample")
                        .dateColumn("date")
                        .amountColumn("total_value")
                        .datePattern("yyyyMMdd")
                        .build()
                : Analytics.csv()
                        .whitespaceDelimited()
                        .customerColumn("customer_id")
                        .dateColumn("date")
                        .amountColumn("dollar_value")
                        .datePattern("yyyyMMdd")
                        .build();
        CustomerSummarizer summarizer = Analytics.summarizer(CALIBRATION_END, OBSERVATION_END, PeriodUnit.WEEKS);
        Profitability profitability = Profitability.of(COST_PER_ORDER, KEY_PROFIT);
        long records = reader.read(file, purchase -> {
            summarizer.add(purchase);
            if (!purchase.date().isAfter(CALIBRATION_END)) {
                profitability.add(PurchaseRecord.of(
                        purchase.customerId(),
                        purchase.date(),
                        purchase.amount(),
                        purchase.amount().multiply(BigDecimal.ONE.subtract(GROSS_MARGIN)),
                        null));
            }
        });
        List<CustomerSummary> customers = summarizer.summaries();
        BgNbdModel purchases =
                BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        GammaGammaModel spend =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        double[] clv =
                LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS).estimates(customers);
        RfmReport rfm = RfmAnalysis.standard().score(customers);
        List<Profitability.CustomerProfit> profits = profitability.customers();
        Map<String, Double> possible = new HashMap<>();
        for (int i = 0; i < clv.length; i++) {
            possible.put(customers.get(i).customerId(), clv[i] * GROSS_MARGIN.doubleValue());
        }
        ProfitPotential matrix = ProfitPotential.of(profits, possible, HIGH_POTENTIAL);
        return new Result(sample, records, customers, purchases, spend, clv, rfm, profits, matrix);
    }

    /** Prints what the analysis found. */
    static void print(Result result, PrintStream out) {
        List<CustomerSummary> customers = result.customers();
        BgNbdModel purchases = result.purchases();
        GammaGammaModel spend = result.spend();
        double[] clv = result.clv();
        out.printf(
                Locale.ROOT,
                "CDNOW %s: %,d purchases of %,d customers; calibration to %s, holdout to %s, in weeks%n",
                result.sample() ? "sample" : "master",
                result.records(),
                customers.size(),
                CALIBRATION_END,
                OBSERVATION_END);

        Map<String, Double> p = purchases.parameters();
        Map<String, Double> s = spend.parameters();
        out.printf(
                Locale.ROOT,
                "BG/NBD: r=%.3f alpha=%.3f a=%.3f b=%.3f, log-likelihood %.1f%n",
                p.get("r"),
                p.get("alpha"),
                p.get("a"),
                p.get("b"),
                purchases.estimation().orElseThrow().logLikelihood());
        out.printf(
                Locale.ROOT,
                "Gamma-Gamma: p=%.2f q=%.2f gamma=%.2f on %.0f repeat customers%n",
                s.get("p"),
                s.get("q"),
                s.get("gamma"),
                spend.estimation().orElseThrow().customers());

        double forecast = 0;
        long actual = 0;
        for (CustomerSummary c : customers) {
            forecast += purchases.expectedPurchases(c.history(), 39);
            actual += c.holdoutPurchases();
        }
        double revenueForecast = SalesForecast.expectedRevenue(purchases, spend, customers, 39);
        BigDecimal revenueActual =
                customers.stream().map(CustomerSummary::holdoutSpend).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.printf(
                Locale.ROOT,
                "Holdout (39 weeks): %.0f repeat purchases expected, %d made; $%.0f revenue expected,"
                        + " $%.0f spent%n",
                forecast,
                actual,
                revenueForecast,
                revenueActual);

        List<Integer> byValue = new ArrayList<>();
        for (int i = 0; i < clv.length; i++) {
            byValue.add(i);
        }
        byValue.sort(Comparator.comparingDouble((Integer i) -> -clv[i])
                .thenComparing(i -> customers.get(i).customerId()));
        out.println("Top 5 customers by 12-month lifetime value (1% a month discount):");
        for (int i : byValue.subList(0, 5)) {
            CustomerSummary c = customers.get(i);
            out.printf(
                    Locale.ROOT,
                    "  %s  x=%d t_x=%.2f T=%.2f mean spend $%.2f  P(alive) %.2f  CLV $%.2f%n",
                    c.customerId(),
                    c.frequency(),
                    c.history().recency(),
                    c.history().age(),
                    c.monetaryValue(),
                    purchases.probabilityAlive(c.history()),
                    clv[i]);
        }

        RfmReport rfm = result.rfm();
        out.println("RFM segments (customers, calibration spend):");
        for (RfmReport.SegmentTotals segment : rfm.segments()) {
            out.printf(Locale.ROOT, "  %-20s %,6d  $%,.2f%n", segment.segment(), segment.customers(), segment.value());
        }

        out.println("Valuable customers at risk (spend x probability of having left):");
        for (ChurnRisk.CustomerRisk risk :
                ChurnRisk.of(purchases).rank(customers).subList(0, 5)) {
            out.printf(
                    Locale.ROOT,
                    "  %s  spent $%.2f  P(alive) %.3f  value at risk $%.2f%n",
                    risk.customerId(),
                    risk.value(),
                    risk.probabilityAlive(),
                    risk.valueAtRisk());
        }

        List<Profitability.CustomerProfit> profits = result.profits();
        Map<Profitability.Tier, BigDecimal> profitByTier = new EnumMap<>(Profitability.Tier.class);
        Map<Profitability.Tier, Integer> customersByTier = new EnumMap<>(Profitability.Tier.class);
        for (Profitability.CustomerProfit c : profits) {
            profitByTier.merge(c.tier(), c.profit(), BigDecimal::add);
            customersByTier.merge(c.tier(), 1, Integer::sum);
        }
        out.printf(Locale.ROOT, "Key / small / unprofitable (30%% margin, $3 per order, key from $50 profit):%n");
        for (Profitability.Tier tier : Profitability.Tier.values()) {
            BigDecimal profit = profitByTier.getOrDefault(tier, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
            out.printf(
                    Locale.ROOT,
                    "  %-12s %,6d customers, profit %s$%,.2f%n",
                    tier.name().toLowerCase(Locale.ROOT),
                    customersByTier.getOrDefault(tier, 0),
                    profit.signum() < 0 ? "-" : "",
                    profit.abs());
        }

        ProfitPotential matrix = result.matrix();
        out.println("Possible-profit matrix (12-month CLV x 30% margin, high from $10):");
        for (ProfitPotential.Cell cell : matrix.cells()) {
            out.printf(
                    Locale.ROOT,
                    "  %-12s %-4s %-17s %,6d customers%n",
                    cell.tier().name().toLowerCase(Locale.ROOT),
                    cell.potential().name().toLowerCase(Locale.ROOT),
                    cell.action(),
                    cell.customers());
        }
    }
}
