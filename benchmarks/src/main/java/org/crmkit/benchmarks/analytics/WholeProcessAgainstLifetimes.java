package org.crmkit.benchmarks.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's whole process (JVM start included) against the peer's whole process (interpreter start and
 * imports included) on the same purchase CSV, alternately in one sitting, each under {@code /usr/bin/time}: wall
 * clock, CPU (user + system) and peak resident memory; for crmkit also the peak heap, the largest heap in use
 * before a collection or at the end (a run may need no collection), read from the JVM's GC log. crmkit runs {@code clv --spend gamma-gamma} writing every
 * customer's row to a file (the summary JSON on standard output); the peer computes the same values in memory
 * (it writes none).
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.analytics.WholeProcessAgainstLifetimes \
 *     --file /tmp/purchases-300k.csv --cli crm-analytics/target/crmkit-analytics.jar \
 *     --peer ../shared/peers/lifetimes/run [--rounds 3] [--jvm-option -Xmx256m ...]
 * </pre>
 * The file is {@link AnalyticsAgainstLifetimes}'s ({@code --generate} there). {@code --cli} names the jar, run as
 * {@code java -jar}, or the launcher beside it ({@code crm-analytics/target/crmkit-analytics}), run as it is, with
 * its own JVM settings. {@code --jvm-option}s are given to crmkit's JVM (none by default: with the jar the JVM's own
 * defaults, a quarter of the machine's memory as maximum heap).
 */
public final class WholeProcessAgainstLifetimes {

    private static final Pattern HEAP_BEFORE_GC = Pattern.compile(" (\\d+)M->\\d+M\\((\\d+)M\\)");
    /** A generation (or the whole heap) at the JVM's exit, as -Xlog:gc+heap+exit prints it, in KB. */
    private static final Pattern HEAP_AT_EXIT =
            Pattern.compile("(?:generation|heap|Gen)\\s+total (\\d+)K, used (\\d+)K");

    private WholeProcessAgainstLifetimes() {}

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = null;
        Path cli = null;
        Path peer = null;
        int rounds = 3;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--cli" -> cli = Path.of(args[++i]);
                case "--peer" -> peer = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null || cli == null || peer == null) {
            throw new IllegalArgumentException("--file, --cli and --peer are required");
        }
        Path work = Files.createTempDirectory("whole-process");
        List<double[]> ours = new ArrayList<>();
        List<double[]> theirs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path gcLog = work.resolve("gc-" + round + ".log");
            List<String> crmkit = new ArrayList<>();
            if (cli.toString().endsWith(".jar")) {
                crmkit.add("java");
                crmkit.addAll(jvmOptions);
                crmkit.addAll(List.of("-Xlog:gc,gc+heap+exit:file=" + gcLog, "-jar", cli.toString()));
            } else {
                crmkit.add(cli.toString());
                jvmOptions.forEach(option -> crmkit.add("-J" + option));
                crmkit.add("-J-Xlog:gc,gc+heap+exit:file=" + gcLog);
            }
            crmkit.addAll(List.of("clv", "--input", file.toString()));
            crmkit.addAll(List.of("--customer-column", "customer_ref", "--date-column", "purchase_day"));
            crmkit.addAll(List.of("--amount-column", "value", "--calibration-end", "2023-12-31", "--time-unit"));
            crmkit.addAll(List.of(
                    "weeks",
                    "--spend",
                    "gamma-gamma",
                    "--output",
                    work.resolve("clv.csv").toString()));
            System.out.printf("-- round %d, load average %s%n", round, AnalyticsAgainstLifetimes.loadAverage());
            double[] our = timed(crmkit, work);
            double[] heap = peakHeap(gcLog);
            ours.add(new double[] {our[0], our[1], our[2], heap[0], heap[1]});
            System.out.printf(
                    "crmkit    %.2f s wall, %.2f s CPU, %.0f MB peak RSS, %.0f MB peak heap in use, %.0f MB heap"
                            + " committed, %,d bytes of rows%n",
                    our[0], our[1], our[2], heap[0], heap[1], Files.size(work.resolve("clv.csv")));
            System.out.printf("   load average %s%n", AnalyticsAgainstLifetimes.loadAverage());
            double[] their = timed(
                    List.of(
                            peer.toString(),
                            file.toString(),
                            "customer_ref",
                            "purchase_day",
                            "value",
                            "%Y-%m-%d",
                            "2023-12-31"),
                    work);
            theirs.add(their);
            System.out.printf("lifetimes %.2f s wall, %.2f s CPU, %.0f MB peak RSS%n", their[0], their[1], their[2]);
        }
        System.out.printf("%n| round | crmkit wall | lifetimes wall | ratio | crmkit CPU | lifetimes CPU | ratio"
                + " | crmkit peak RSS | lifetimes peak RSS | crmkit peak heap in use |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n");
        for (int i = 0; i < rounds; i++) {
            double[] our = ours.get(i);
            double[] their = theirs.get(i);
            System.out.printf(
                    "| %d | %.2f s | %.2f s | %.1fx | %.2f s | %.2f s | %.1fx | %.0f MB | %.0f MB | %.0f MB |%n",
                    i + 1,
                    our[0],
                    their[0],
                    their[0] / our[0],
                    our[1],
                    their[1],
                    their[1] / our[1],
                    our[2],
                    their[2],
                    our[3]);
        }
    }

    /** Wall seconds, CPU seconds (user + system) and peak resident MB of the command, from /usr/bin/time. */
    private static double[] timed(List<String> command, Path work) throws IOException, InterruptedException {
        Path times = work.resolve("time.txt");
        List<String> line = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
        line.addAll(command);
        Process process = new ProcessBuilder(line)
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: "
                    + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
        }
        String[] figures = Files.readString(times).strip().split("\\s+");
        return new double[] {
            Double.parseDouble(figures[0]),
            Double.parseDouble(figures[1]) + Double.parseDouble(figures[2]),
            Double.parseDouble(figures[3]) / 1024
        };
    }

    /**
     * The largest heap in use, before a collection or at the exit, and the largest heap committed, in MB, from a
     * -Xlog:gc,gc+heap+exit log.
     */
    private static double[] peakHeap(Path gcLog) throws IOException {
        double used = 0;
        double committed = 0;
        double usedAtExit = 0;
        double committedAtExit = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher beforeCollection = HEAP_BEFORE_GC.matcher(line);
            Matcher atExit = HEAP_AT_EXIT.matcher(line);
            if (beforeCollection.find()) {
                used = Math.max(used, Double.parseDouble(beforeCollection.group(1)));
                committed = Math.max(committed, Double.parseDouble(beforeCollection.group(2)));
            } else if (atExit.find()) {
                committedAtExit += Double.parseDouble(atExit.group(1)) / 1024;
                usedAtExit += Double.parseDouble(atExit.group(2)) / 1024;
            }
        }
        return new double[] {Math.max(used, usedAtExit), Math.max(committed, committedAtExit)};
    }
}
