package org.crmkit.analytics.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.crmkit.core.common.CrmException;

/**
 * Command line: {@code summary | rfm | clv | profitability}, reading purchase CSV and writing one row per customer,
 * as CSV (the default) or JSON lines ({@code --format jsonl}), in UTF-8, streamed as the rows are computed, to
 * {@code --output FILE} or standard output; {@code --top N} keeps the N customers of most value, best first. The
 * summary (counts, and for {@code clv} the parameters, standard errors and log-likelihoods of the fits) is one JSON
 * object apart: on standard output when the rows go to a file, otherwise on standard error after the rows.
 * {@code --help} prints the usage. Exit codes:
 * <ul>
 *   <li>0: the result was written (or the usage, for {@code --help});</li>
 *   <li>1: bad input or a failed analysis; the message on standard error names the file, line and column where the
 *       input is at fault, or the model that could not be fitted; nothing is written;</li>
 *   <li>2: a usage error: an unknown, misspelt (the closest option is suggested), repeated or misplaced option, a
 *       missing or malformed option value; the message names the option;</li>
 *   <li>3: the result could not be written (standard output closed, a full disk, a broken pipe, an output file
 *       that cannot be created).</li>
 * </ul>
 */
public final class AnalyticsCommand {

    /** The result was written. */
    public static final int OK = 0;
    /** Bad input or a failed analysis. */
    public static final int BAD_INPUT = 1;
    /** A usage error. */
    public static final int USAGE_ERROR = 2;
    /** The result could not be written. */
    public static final int WRITE_FAILED = 3;

    private static final String USAGE = String.join(
            "\n",
            "usage: java -jar crmkit-analytics.jar <summary|rfm|clv|profitability> --input FILE [options]",
            "       java -jar crmkit-analytics.jar --help",
            "  --delimiter comma|tab|semicolon|whitespace|<char>   field separator (comma)",
            "  --no-header                 the file has no header row",
            "  --columns a,b,c             names of the columns of a headerless file",
            "  --customer-column NAME      (customer)   --date-column NAME (date)   --amount-column NAME (amount)",
            "  --cost-column NAME          --product-column NAME",
            "  --date-format PATTERN       java.time pattern of the date column (yyyy-MM-dd)",
            "  --calibration-end DATE      last day of calibration, yyyy-MM-dd (summary, rfm, clv)",
            "  --observation-end DATE      last day of the holdout period (default: all later records)",
            "  --time-unit days|weeks      unit of recency, T and the models (days)",
            "  --model bg-nbd|pareto-nbd|modified-bg-nbd   purchase model for clv (bg-nbd)",
            "  --spend gamma-gamma         also fit spend and value every customer (clv)",
            "  --penalizer X               L2 penalty of the fits (0)",
            "  --months N                  CLV horizon in whole months, 1 to 1200 (12)",
            "  --discount-rate X           monthly discount rate (0.01)",
            "  --cost-per-order X          cost to serve per order (profitability, 0)",
            "  --key-threshold X           minimum profit of a key customer (profitability, 0)",
            "  --format csv|jsonl          the rows, one per customer: CSV with a header, or JSON lines (csv)",
            "  --output FILE               write the rows to FILE (standard output)",
            "  --top N                     only the N customers of most value, best first (summary, clv,",
            "                              profitability): by total spend, by CLV (by expected purchases",
            "                              without --spend), by profit",
            "Options are written '--name value' or '--name=value'. Everything is written in UTF-8. The summary",
            "(counts, parameters, standard errors, log-likelihoods) is one JSON object: on standard output with",
            "--output, otherwise on standard error after the rows.",
            "Exit codes: 0 done, 1 bad input or failed analysis, 2 usage error, 3 the result could not be written.");

    private static final Set<String> HELP_OPTIONS = Set.of("--help", "-h");
    /** Rows formatted by one thread at a time: enough to be worth a task, few enough to stream the output. */
    private static final int ROWS_PER_BLOCK = 8192;
    /**
     * Blocks formatted in parallel before they are written, at least: a pool's worker woken for a group of one block
     * per thread often came later than the block took (a millisecond), and the caller formatted both.
     */
    private static final int BLOCKS_PER_GROUP = 16;
    /** Asks for the usage as the command ({@code help}) or as an option anywhere. */
    private static final Set<String> HELP = Set.of("--help", "-h", "help");

    private AnalyticsCommand() {}

    /**
     * Runs the command with the rows (without {@code --output}) and the summary (with it) to standard output and
     * messages to standard error, all in UTF-8 whatever the platform's charset, and exits with its status.
     */
    public static void main(String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, new FileOutputStream(FileDescriptor.out), err);
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command, writing in UTF-8 to {@code out} the rows, or the summary when the rows go to
     * {@code --output FILE}, and to {@code err} the messages, and the summary when the rows go to {@code out}. A
     * {@link PrintStream} given as {@code out} is checked for errors after writing (a print stream does not throw
     * them).
     *
     * @return {@link #OK}, {@link #BAD_INPUT}, {@link #USAGE_ERROR} or {@link #WRITE_FAILED}
     */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return USAGE_ERROR;
        }
        if (HELP.contains(args[0]) || Arrays.stream(args).anyMatch(HELP_OPTIONS::contains)) {
            return write(
                    output -> new Utf8Text(USAGE.length() + 1)
                            .text(USAGE)
                            .ascii('\n')
                            .writeTo(output),
                    out,
                    "standard output",
                    err);
        }
        CommandOptions options;
        CustomerReports.Report report;
        CustomerTable.Format format;
        try {
            options = CommandOptions.parse(args);
            format = options.format();
            report = CustomerReports.of(options);
        } catch (UsageException e) {
            err.println("error: " + e.usageError());
            err.println(USAGE);
            return USAGE_ERROR;
        } catch (CrmException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        Text rows = output -> writeRows(report, format, output);
        Text summary = output -> {
            Utf8Text json = new Utf8Text(4096);
            Json.write(report.summary(), json);
            json.writeTo(output);
        };
        Path file = options.output();
        if (file == null) {
            int status = write(rows, out, "standard output", err);
            return status == OK ? write(summary, err, "standard error", err) : status;
        }
        int status;
        try (OutputStream toFile = Files.newOutputStream(file)) {
            status = write(rows, toFile, file.toString(), err);
        } catch (IOException e) {
            err.println("error: cannot write the result to " + file + ": " + e.getMessage());
            return WRITE_FAILED;
        }
        return status == OK ? write(summary, out, "standard output", err) : status;
    }

    /**
     * Writes the header and the rows: blocks of rows formatted in parallel on the common fork-join pool (each row on
     * its own), a group of blocks at a time, and written in order as each group is ready. The texts of a group are
     * emptied and filled again by the next one.
     */
    private static void writeRows(CustomerReports.Report report, CustomerTable.Format format, OutputStream out)
            throws IOException {
        int blocks = (report.rows() + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        int group =
                Math.max(1, Math.min(blocks, Math.max(BLOCKS_PER_GROUP, ForkJoinPool.getCommonPoolParallelism() + 1)));
        Utf8Text[] texts = new Utf8Text[group];
        CustomerTable[] tables = new CustomerTable[group];
        for (int slot = 0; slot < group; slot++) {
            // about 36 bytes a CSV row of clv; a text grows when its rows are longer
            texts[slot] = new Utf8Text(Math.min(report.rows(), ROWS_PER_BLOCK) * 40);
            tables[slot] = new CustomerTable(texts[slot], format, report.columns());
        }
        tables[0].header();
        texts[0].writeTo(out);
        texts[0].clear();
        for (int first = 0; first < blocks; first += group) {
            int firstRow = first * ROWS_PER_BLOCK;
            IntStream.range(0, Math.min(group, blocks - first)).parallel().forEach(slot -> {
                int start = firstRow + slot * ROWS_PER_BLOCK;
                int end = Math.min(report.rows(), start + ROWS_PER_BLOCK);
                for (int k = start; k < end; k++) {
                    report.row().write(tables[slot], k);
                }
            });
            for (Utf8Text text : texts) {
                text.writeTo(out);
                text.clear();
            }
        }
    }

    /** Writes UTF-8 text to the output as it is produced. */
    @FunctionalInterface
    private interface Text {
        void writeTo(OutputStream out) throws IOException;
    }

    private static int write(Text text, OutputStream out, String where, PrintStream err) {
        try {
            text.writeTo(out);
            out.flush();
        } catch (IOException e) {
            err.println("error: cannot write the result to " + where + ": " + e.getMessage());
            return WRITE_FAILED;
        }
        if (out instanceof PrintStream printStream && printStream.checkError()) {
            err.println("error: cannot write the result to " + where);
            return WRITE_FAILED;
        }
        return OK;
    }
}
