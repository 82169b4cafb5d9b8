package org.crmkit.benchmarks.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.PurchaseCsvReader;
import org.crmkit.analytics.SpendHistory;
import org.crmkit.analytics.SyntheticPurchases;

/**
 * crmkit's analytics end to end against the Python peer, lifetimes ({@code ../shared/peers/lifetimes/run}), on the
 * same purchase CSV, measured alternately in one sitting: each round runs crmkit's stages in this JVM (read the CSV
 * and summarize it in one streaming pass, fit BG/NBD, fit Gamma-Gamma, value every customer over 12 months at a
 * monthly discount of 0.01), then the peer as a separate process, which times the same stages in-process. It prints
 * both stage tables, round by round, the load average before each run and crmkit's CPU time (all threads, which
 * varies less than the wall clock on a busy machine), and at the end the best and the median of each stage and their
 * ratios (peer / crmkit).
 *
 * <p>The file: 300,000 synthetic customers acquired during 2022 and observed until 2023-12-31 (BG/NBD r=0.6,
 * alpha=6, a=0.8, b=3 per week; Gamma-Gamma p=6, q=4, gamma=15; seed 42), 1,361,370 purchases, columns
 * {@code customer_ref,purchase_day,value}; written by {@code --generate} when it does not exist yet.
 *
 * <p>Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.analytics.AnalyticsAgainstLifetimes \
 *     --file /tmp/purchases-300k.csv --generate [--customers 300000] [--rounds 3] \
 *     [--peer ../shared/peers/lifetimes/run]
 * </pre>
 * Without {@code --peer} only crmkit runs. The first round includes the JIT's warm-up: it is reported as the cold
 * run, the best and median are of all rounds.
 */
public final class AnalyticsAgainstLifetimes {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2023, 12, 31);
    private static final List<String> STAGES =
            List.of("read + summary", "BG/NBD fit", "Gamma-Gamma fit", "12-month CLV", "total");
    private static final Pattern PEER_FIGURE = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+)");

    private AnalyticsAgainstLifetimes() {}

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = null;
        Path peer = null;
        boolean generate = false;
        int customers = 300_000;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--peer" -> peer = Path.of(args[++i]);
                case "--generate" -> generate = true;
                case "--customers" -> customers = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("--file is required");
        }
        if (generate && !Files.exists(file)) {
            System.out.printf("writing %s: %,d purchases%n", file, generate(file, customers));
        }
        System.out.printf(
                "JDK %s, %d processors, max heap %d MB, file %s (%,d bytes)%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                file,
                Files.size(file));
        List<double[]> ours = new ArrayList<>();
        List<double[]> theirs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("-- round %d, load average %s%n", round, loadAverage());
            double[] crmkit = crmkit(file);
            ours.add(crmkit);
            System.out.println("crmkit    " + row(crmkit));
            if (peer != null) {
                System.out.printf("   load average %s%n", loadAverage());
                double[] lifetimes = lifetimes(peer, file);
                theirs.add(lifetimes);
                System.out.println("lifetimes " + row(lifetimes));
            }
        }
        System.out.printf("%n| stage | crmkit best | crmkit median | lifetimes best | lifetimes median"
                + " | ratio of bests | ratio of medians |%n|---|---|---|---|---|---|---|%n");
        for (int stage = 0; stage < STAGES.size(); stage++) {
            double ourBest = best(ours, stage);
            double ourMedian = median(ours, stage);
            if (theirs.isEmpty()) {
                System.out.printf("| %s | %.3f s | %.3f s | | | | |%n", STAGES.get(stage), ourBest, ourMedian);
            } else {
                double theirBest = best(theirs, stage);
                double theirMedian = median(theirs, stage);
                System.out.printf(
                        "| %s | %.3f s | %.3f s | %.3f s | %.3f s | %.1fx | %.1fx |%n",
                        STAGES.get(stage),
                        ourBest,
                        ourMedian,
                        theirBest,
                        theirMedian,
                        theirBest / ourBest,
                        theirMedian / ourMedian);
            }
        }
    }

    /** crmkit's stages in this JVM, in seconds: read + summary, BG/NBD, Gamma-Gamma, CLV, total. */
    private static double[] crmkit(Path file) {
        long cpuAtStart = processCpuNanos();
        long start = System.nanoTime();
        PurchaseCsvReader reader = Analytics.csv()
                .customerColumn("customer_ref")
                .dateColumn("purchase_day")
                .amountColumn("value")
                .datePattern("yyyy-MM-dd")
                .build();
        CustomerSummarizer summarizer = Analytics.summarizer(CALIBRATION_END, PeriodUnit.WEEKS);
        reader.summarize(file, summarizer);
        List<CustomerSummary> summaries = summarizer.summaries();
        long summarized = System.nanoTime();
        BgNbdModel purchases =
                BgNbdModel.fit(summaries.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        long purchaseFit = System.nanoTime();
        GammaGammaModel spend =
                GammaGammaModel.fit(summaries.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        long spendFit = System.nanoTime();
        double[] values =
                LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS).estimates(summaries);
        long valued = System.nanoTime();
        System.out.printf(
                "   %,d customers, %,d records, BG/NBD %s, Gamma-Gamma %s, %,d values; CPU of all threads %.3f s%n",
                summaries.size(),
                summarizer.recordCount(),
                purchases.parameters(),
                spend.parameters(),
                values.length,
                seconds(processCpuNanos() - cpuAtStart));
        return new double[] {
            seconds(summarized - start),
            seconds(purchaseFit - summarized),
            seconds(spendFit - purchaseFit),
            seconds(valued - spendFit),
            seconds(valued - start)
        };
    }

    /** The peer's own stage times, from the JSON line it prints. */
    private static double[] lifetimes(Path peer, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        peer.toString(),
                        file.toString(),
                        "customer_ref",
                        "purchase_day",
                        "value",
                        "%Y-%m-%d",
                        CALIBRATION_END.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the peer failed: " + output);
        }
        System.out.println("   " + output);
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher matcher = PEER_FIGURE.matcher(output);
        while (matcher.find()) {
            figures.putIfAbsent(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return new double[] {
            figures.get("read_s") + figures.get("summary_s"),
            figures.get("bgnbd_fit_s"),
            figures.get("gg_fit_s"),
            figures.get("clv_s"),
            figures.get("total_s")
        };
    }

    private static long generate(Path file, int customers) throws IOException {
        SyntheticPurchases simulation = SyntheticPurchases.of(
                BgNbdModel.of(0.6, 6, 0.8, 3),
                GammaGammaModel.of(6, 4, 15),
                PeriodUnit.WEEKS,
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31),
                CALIBRATION_END,
                42L);
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_ref,purchase_day,value\n");
            simulation.purchases(customers).forEach(purchase -> {
                try {
                    out.write(purchase.customerId() + "," + purchase.date() + ","
                            + purchase.amount().toPlainString() + "\n");
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return written[0];
    }

    private static String row(double[] stages) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < STAGES.size(); i++) {
            text.append(String.format("%s %.3f s; ", STAGES.get(i), stages[i]));
        }
        return text.toString();
    }

    /** The CPU time of this process so far, all threads, in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The system load average of the last minute, as printed beside each run. */
    static String loadAverage() {
        return String.format(
                "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double best(List<double[]> runs, int stage) {
        return runs.stream().mapToDouble(r -> r[stage]).min().orElseThrow();
    }

    private static double median(List<double[]> runs, int stage) {
        double[] values = runs.stream().mapToDouble(r -> r[stage]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
