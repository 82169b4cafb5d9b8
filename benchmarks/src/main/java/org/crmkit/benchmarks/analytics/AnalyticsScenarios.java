package org.crmkit.benchmarks.analytics;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.PurchaseCsvReader;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmReport;
import org.crmkit.analytics.SpendHistory;
import org.crmkit.analytics.SyntheticPurchases;

/**
 * Scenario benchmarks of crm-analytics, timed end to end with wall-clock time (each scenario runs once per round:
 * these are minutes-scale batch jobs, not micro-benchmarks).
 *
 * <ol>
 *   <li>{@code summary}: 1,000,000 synthetic customers with about 10 purchases each from the BG/NBD process
 *       ({@link SyntheticPurchases}, seed 42), streamed through the summarizer without being stored, then RFM scores
 *       and segments. The generator's own time is measured in a separate pass and reported apart.</li>
 *   <li>{@code clv}: on those summaries, BG/NBD and Gamma-Gamma fits and the 12-month lifetime value of every
 *       customer.</li>
 *   <li>{@code cdnow}: the CDNOW master file (69,659 transactions, 23,570 customers) read from CSV, summarized,
 *       fitted (BG/NBD, Gamma-Gamma), valued and scored.</li>
 * </ol>
 *
 * <p>Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.analytics.AnalyticsScenarios \
 *     [--rounds 3] [--customers 1000000] [--cdnow ../shared/data/cdnow/CDNOW_master.txt]
 * </pre>
 * Without {@code --cdnow} the CDNOW scenario is skipped. The first round includes JIT warm-up; report the best.
 */
public final class AnalyticsScenarios {

    private static final LocalDate ACQUIRED_FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate ACQUIRED_UNTIL = LocalDate.of(2023, 12, 31);
    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 12, 31);

    private AnalyticsScenarios() {}

    /** Runs the scenarios; see the class comment for the arguments. */
    public static void main(String[] args) {
        int rounds = 3;
        int customers = 1_000_000;
        Path cdnow = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--cdnow" -> cdnow = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(
                "JDK %s, %d processors, max heap %d MB%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("-- round %d%n", round);
            List<CustomerSummary> summaries = summaryAndRfm(customers);
            fitAndValue(summaries);
            if (cdnow != null) {
                cdnowMaster(cdnow);
            }
        }
    }

    static SyntheticPurchases simulation() {
        return SyntheticPurchases.of(
                BgNbdModel.of(2, 40, 1, 6),
                GammaGammaModel.of(6, 4, 15),
                PeriodUnit.DAYS,
                ACQUIRED_FROM,
                ACQUIRED_UNTIL,
                CALIBRATION_END,
                42L);
    }

    private static List<CustomerSummary> summaryAndRfm(int customers) {
        long start = System.nanoTime();
        long generated = simulation().purchases(customers).count();
        long generation = System.nanoTime() - start;

        System.gc();
        long heapBefore = usedHeap();
        start = System.nanoTime();
        CustomerSummarizer summarizer = Analytics.summarizer(CALIBRATION_END, PeriodUnit.DAYS);
        simulation().purchases(customers).forEach(summarizer::add);
        List<CustomerSummary> summaries = summarizer.summaries();
        long summarized = System.nanoTime() - start;
        System.gc();
        long heapAfter = usedHeap();

        long cpu = processCpuTime();
        start = System.nanoTime();
        RfmReport rfm = RfmAnalysis.standard().score(summaries);
        long scored = System.nanoTime() - start;
        long scoredCpu = processCpuTime() - cpu;

        System.out.printf(
                "summary: %,d purchases of %,d customers; generator alone %d ms, generator + summary %d ms"
                        + " (summary %d ms), RFM %d ms (%d ms CPU, %d segments); summaries hold %d MB%n",
                generated,
                summaries.size(),
                millis(generation),
                millis(summarized),
                millis(summarized - generation),
                millis(scored),
                millis(scoredCpu),
                rfm.segments().size(),
                (heapAfter - heapBefore) >> 20);
        return summaries;
    }

    private static void fitAndValue(List<CustomerSummary> summaries) {
        long cpu = processCpuTime();
        long start = System.nanoTime();
        BgNbdModel purchases =
                BgNbdModel.fit(summaries.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        long purchaseFit = System.nanoTime() - start;
        long purchaseFitCpu = processCpuTime() - cpu;

        cpu = processCpuTime();
        start = System.nanoTime();
        GammaGammaModel spend =
                GammaGammaModel.fit(summaries.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        long spendFit = System.nanoTime() - start;
        long spendFitCpu = processCpuTime() - cpu;

        cpu = processCpuTime();
        start = System.nanoTime();
        double[] values =
                LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.DAYS).estimates(summaries);
        long valued = System.nanoTime() - start;
        long valuedCpu = processCpuTime() - cpu;
        double total = 0;
        for (double v : values) {
            total += v;
        }
        System.out.printf(
                "clv: BG/NBD fit %d ms (%d evaluations) %s, Gamma-Gamma fit %d ms (%d evaluations) %s,"
                        + " 12-month CLV of %,d customers %d ms (total %.0f); together %d ms wall clock,"
                        + " %d ms CPU of all threads (fits %d + %d, CLV %d)%n",
                millis(purchaseFit),
                purchases.estimation().orElseThrow().evaluations(),
                purchases.parameters(),
                millis(spendFit),
                spend.estimation().orElseThrow().evaluations(),
                spend.parameters(),
                values.length,
                millis(valued),
                total,
                millis(purchaseFit + spendFit + valued),
                millis(purchaseFitCpu + spendFitCpu + valuedCpu),
                millis(purchaseFitCpu),
                millis(spendFitCpu),
                millis(valuedCpu));
    }

    /** CPU time of the whole process (all threads, GC included): steadier than wall-clock time on a busy machine. */
    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void cdnowMaster(Path file) {
        long start = System.nanoTime();
        PurchaseCsvReader reader = Analytics.csv()
                .whitespaceDelimited()
                .customerColumn("customer_id")
                .dateColumn("date")
                .amountColumn("dollar_value")
                .datePattern("yyyyMMdd")
                .build();
        CustomerSummarizer summarizer = Analytics.summarizer(LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
        long records = reader.read(file, summarizer::add);
        List<CustomerSummary> summaries = summarizer.summaries();
        BgNbdModel purchases =
                BgNbdModel.fit(summaries.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        GammaGammaModel spend =
                GammaGammaModel.fit(summaries.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        double[] values =
                LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS).estimates(summaries);
        RfmReport rfm = RfmAnalysis.standard().score(summaries);
        System.out.printf(
                "cdnow: %,d records, %,d customers, %d values, %d segments, end to end %d ms; BG/NBD %s%n",
                records,
                summaries.size(),
                values.length,
                rfm.segments().size(),
                millis(System.nanoTime() - start),
                purchases.parameters());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
