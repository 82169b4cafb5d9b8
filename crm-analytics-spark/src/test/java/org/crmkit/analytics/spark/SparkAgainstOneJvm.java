package org.crmkit.analytics.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.SpendHistory;

/**
 * The benchmark of crm-analytics-spark (issue 20): the same purchases analysed by Spark in {@code local[2]} and by
 * crm-analytics in one JVM, each run in its own JVM (run the two alternately under {@code /usr/bin/time -v} for the
 * peak RSS). It lives in the module's test tree, not in benchmarks/: that module's shaded jar would have to take
 * Spark's few hundred jars, whose tree does not converge.
 *
 * <p>{@code generate FILE [PURCHASES]} writes the purchases: the CDNOW master file replayed with seed 20, each copy
 * of a customer under its own id, its days shifted by 0 to 13 days and its amounts scaled by 0.5 to 1.5 (both drawn
 * per copy), about 10 million purchases by default. {@code one-jvm FILE OUT} and {@code spark FILE OUT} analyse them
 * (calibration to 1997-09-30, weeks, 12-month CLV, RFM), write one CSV row per customer to OUT and print the wall
 * time of each stage and the peak heap.
 */
public final class SparkAgainstOneJvm {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final long SEED = 20;

    private SparkAgainstOneJvm() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "generate" ->
                generate(Path.of(args[1]), args.length > 2 ? Long.parseLong(args[2].replace("_", "")) : 10_000_000);
            case "one-jvm" -> oneJvm(Path.of(args[1]), Path.of(args[2]));
            case "spark" -> spark(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("generate, one-jvm or spark, not " + args[0]);
        }
    }

    /** A purchase of the CDNOW master file. */
    private record CdnowPurchase(String customer, LocalDate date, BigDecimal amount) {}

    private static void generate(Path file, long purchases) throws IOException {
        List<List<CdnowPurchase>> customers = new ArrayList<>();
        Cdnow.masterReader().read(Cdnow.master(), (PurchaseRecord p) -> {
            if (customers.isEmpty()
                    || !customers.get(customers.size() - 1).get(0).customer().equals(p.customerId())) {
                customers.add(new ArrayList<>());
            }
            customers.get(customers.size() - 1).add(new CdnowPurchase(p.customerId(), p.date(), p.amount()));
        });
        SplittableRandom random = new SplittableRandom(SEED);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("customer_id,date,amount\n");
            for (int copy = 0; written < purchases; copy++) {
                for (List<CdnowPurchase> customer : customers) {
                    int shift = random.nextInt(14);
                    BigDecimal scale = BigDecimal.valueOf(50 + random.nextInt(101), 2);
                    for (CdnowPurchase p : customer) {
                        out.write(copy + "-" + p.customer() + "," + p.date().plusDays(shift) + ","
                                + p.amount().multiply(scale).setScale(2, RoundingMode.HALF_EVEN) + "\n");
                        written++;
                    }
                    if (written >= purchases) {
                        break;
                    }
                }
            }
        }
        System.out.printf("wrote %,d purchases to %s (%,d bytes)%n", written, file, Files.size(file));
    }

    private static void oneJvm(Path file, Path output) throws IOException {
        long start = System.nanoTime();
        CustomerSummarizer summarizer = Analytics.summarizer(CALIBRATION_END, PeriodUnit.WEEKS);
        long records = Analytics.csv()
                .customerColumn("customer_id")
                .dateColumn("date")
                .amountColumn("amount")
                .build()
                .read(file, summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();
        long summarized = System.nanoTime();
        BgNbdModel purchases =
                BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        GammaGammaModel spend =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        long fitted = System.nanoTime();
        LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS);
        double[] values = clv.estimates(customers);
        double[] expected = clv.expectedPurchases(customers);
        List<RfmScore> rfm = RfmAnalysis.standard().score(customers).scores();
        try (BufferedWriter out = Files.newBufferedWriter(output)) {
            out.write("customer_id,frequency,recency,age,total_spend,probability_alive,expected_purchases,clv,"
                    + "recency_score,frequency_score,monetary_score,rfm_segment\n");
            for (int i = 0; i < customers.size(); i++) {
                CustomerSummary c = customers.get(i);
                RfmScore score = rfm.get(i);
                out.write(c.customerId() + "," + c.frequency() + ","
                        + c.history().recency() + ","
                        + c.history().age() + "," + c.totalSpend().toPlainString() + ","
                        + purchases.probabilityAlive(c.history()) + "," + expected[i] + "," + values[i] + ","
                        + score.recencyScore() + "," + score.frequencyScore() + "," + score.monetaryScore() + ","
                        + score.segment() + "\n");
            }
        }
        long scored = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "one-jvm: %,d purchases, %,d customers: read+summary %.2f s, fits %.2f s, scores+write %.2f s,"
                        + " total %.2f s; peak heap %,d MB%n",
                records,
                customers.size(),
                (summarized - start) / 1e9,
                (fitted - summarized) / 1e9,
                (scored - fitted) / 1e9,
                (scored - start) / 1e9,
                peakHeap() >> 20);
        System.out.println("bg-nbd " + purchases.parameters() + " gamma-gamma " + spend.parameters());
    }

    private static void spark(Path file, Path output) {
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("crmkit-benchmark")
                .config("spark.ui.enabled", false)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 8)
                .getOrCreate();
        long started = System.nanoTime();
        CustomerBaseAnalysis analysis = SparkAnalytics.builder(CALIBRATION_END)
                .unit(PeriodUnit.WEEKS)
                .build()
                .analyse(spark.read().option("header", true).csv(file.toString()));
        long fitted = System.nanoTime();
        analysis.write(output.toString(), CustomerBaseAnalysis.Format.CSV);
        long written = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "spark local[2]: %,d customers (%,d purchase patterns, %,d spend patterns to the driver):"
                        + " session %.2f s, read+summary+fits %.2f s, scores+write %.2f s, total %.2f s"
                        + " (without the session %.2f s); peak heap %,d MB%n",
                analysis.customerCount(),
                analysis.purchasePatterns(),
                analysis.spendPatterns(),
                (started - start) / 1e9,
                (fitted - started) / 1e9,
                (written - fitted) / 1e9,
                (written - start) / 1e9,
                (written - started) / 1e9,
                peakHeap() >> 20);
        System.out.println("bg-nbd " + analysis.purchaseModel().parameters() + " gamma-gamma "
                + analysis.spendModel().parameters());
        spark.stop();
    }

    /** The peak of every heap pool added up (an upper bound of the peak heap: pools peak at different times). */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
