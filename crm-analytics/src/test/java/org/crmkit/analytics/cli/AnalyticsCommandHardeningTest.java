package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command run in-process on real files and real streams: every refusal names what is wrong. */
class AnalyticsCommandHardeningTest {

    private static final Path FULL_DISK = Path.of("/dev/full");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(out, args);
    }

    private int run(OutputStream stdout, String... args) {
        return AnalyticsCommand.run(args, stdout, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path purchases() throws IOException {
        return Files.writeString(
                dir.resolve("tx.csv"),
                "customer,date,amount\nM\u00fcller,2024-01-01,10\nMueller,2024-01-03,5\nM\u00fcller,2024-01-08,20\n");
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() {
        assertThat(run("--help")).isZero();
        assertThat(output()).startsWith("usage:").contains("--observation-end", "Exit codes");
        out.reset();
        assertThat(run("clv", "-h")).isZero();
        assertThat(output()).startsWith("usage:");
        assertThat(errors()).isEmpty();
    }

    @Test
    void aColumnNamedHelpIsAColumnNotARequestForTheUsage() throws IOException {
        Path file = Files.writeString(dir.resolve("help.csv"), "help,date,amount\nk1,2024-01-01,1\n");

        assertThat(run(
                        "summary",
                        "--input",
                        file.toString(),
                        "--customer-column",
                        "help",
                        "--calibration-end",
                        "2024-01-05"))
                .as(errors())
                .isZero();
        assertThat(output()).contains("\nk1,0,");
    }

    @Test
    void aMisspeltOptionIsRefusedNamingItAndTheClosestOne() throws IOException {
        int status = run(
                "summary",
                "--input",
                purchases().toString(),
                "--calibration-end",
                "2024-01-05",
                "--observaton-end",
                "2024-01-31");

        assertThat(status).isEqualTo(AnalyticsCommand.USAGE_ERROR);
        assertThat(output()).isEmpty();
        assertThat(errors()).contains("unknown option --observaton-end; did you mean --observation-end?");
    }

    @Test
    void anOptionOfAnotherCommandAnUnknownCommandAndARepeatedOptionAreRefused() throws IOException {
        String input = purchases().toString();

        assertThat(run("profitability", "--input", input, "--spend", "gamma-gamma"))
                .isEqualTo(2);
        assertThat(errors()).contains("option --spend does not apply to profitability");
        assertThat(run("sumary", "--input", input)).isEqualTo(2);
        assertThat(errors()).contains("unknown command 'sumary'; did you mean summary?");
        assertThat(run("summary", "--input", input, "--input", input, "--calibration-end", "2024-01-05"))
                .isEqualTo(2);
        assertThat(errors()).contains("option --input is given twice");
        assertThat(run("summary", "--input=" + input, "--calibration-end=2024-01-05"))
                .isZero();
    }

    @Test
    void fractionalMonthsAndNonFiniteNumbersAreRefusedNamingTheOption() throws IOException {
        String input = purchases().toString();
        String[][] refused = {
            {"--months", "2.7", "--months must be a whole number of months from 1 to 1200, was '2.7'"},
            {"--months", "0", "--months must be a whole number"},
            {"--penalizer", "NaN", "--penalizer must be a finite number, not negative, was 'NaN'"},
            {"--discount-rate", "Infinity", "--discount-rate must be a finite number"},
            {"--discount-rate", "-0.1", "--discount-rate must be a finite number, not negative"},
        };
        for (String[] option : refused) {
            err.reset();
            int status = run(
                    "clv",
                    "--input",
                    input,
                    "--calibration-end",
                    "2024-01-05",
                    "--spend",
                    "gamma-gamma",
                    option[0],
                    option[1]);

            assertThat(status).as(option[0] + " " + option[1]).isEqualTo(AnalyticsCommand.USAGE_ERROR);
            assertThat(errors()).contains(option[2]);
        }
        assertThat(run("profitability", "--input", input, "--cost-per-order", "NaN"))
                .isEqualTo(2);
        assertThat(errors()).contains("--cost-per-order must be a decimal amount");
        assertThat(run("summary", "--input", input, "--calibration-end", "2024-02-31"))
                .isEqualTo(2);
        assertThat(errors()).contains("--calibration-end must be a date yyyy-MM-dd, was '2024-02-31'");
        assertThat(run(
                        "summary",
                        "--input",
                        input,
                        "--calibration-end",
                        "2024-01-05",
                        "--observation-end",
                        "2024-01-01"))
                .isEqualTo(2);
        assertThat(errors()).contains("--observation-end 2024-01-01 is before --calibration-end 2024-01-05");
        assertThat(output()).isEmpty();
    }

    @Test
    void aSpendModelThatCannotBeFittedEndsWithExitOneAndItsMessageAndAFailedPurchaseModelIsToldFirst()
            throws IOException {
        // 40 customers, 30 with repeat purchases, all of them free but c1's: BG/NBD fits (with a penalizer), and
        // Gamma-Gamma, fitted on a thread of its own, has one repeater with a spend
        StringBuilder csv = new StringBuilder("customer,date,amount\n");
        for (int c = 0; c < 40; c++) {
            int day = 1 + c % 20;
            csv.append("c%d,2024-01-%02d,10%n".formatted(c, day));
            for (int k = 0; k < c % 4; k++) {
                day += 1 + (c * 7 + k) % 5;
                csv.append("c%d,2024-01-%02d,%s%n".formatted(c, day, c == 1 ? "5" : "0"));
            }
        }
        String input = Files.writeString(dir.resolve("free.csv"), csv).toString();
        String[] clv = {"clv", "--input", input, "--calibration-end", "2024-01-31", "--spend", "gamma-gamma"};

        int spendFailed = run(Stream.concat(Stream.of(clv), Stream.of("--penalizer", "0.0001"))
                .toArray(String[]::new));
        String spendError = errors();
        err.reset();
        int purchasesFailed = run(clv);

        assertThat(spendFailed).isEqualTo(AnalyticsCommand.BAD_INPUT);
        assertThat(spendError)
                .isEqualTo("error: CRM-0203: gamma-gamma: needs at least two customers with repeat purchases, got 1"
                        + System.lineSeparator());
        assertThat(purchasesFailed).isEqualTo(AnalyticsCommand.BAD_INPUT);
        assertThat(errors()).startsWith("error: CRM-0203: bg-nbd: the likelihood is flat at the optimum");
        assertThat(output()).isEmpty();
    }

    @Test
    void aFullDiskEndsWithExitThreeAndAMessage() throws IOException {
        assumeThat(FULL_DISK).as("a Linux machine with /dev/full").exists();
        String input = purchases().toString();

        try (OutputStream full = new FileOutputStream(FULL_DISK.toFile())) {
            assertThat(run(full, "summary", "--input", input, "--calibration-end", "2024-01-05"))
                    .isEqualTo(AnalyticsCommand.WRITE_FAILED);
        }
        assertThat(errors()).contains("cannot write the result to standard output: No space left on device");
        err.reset();
        try (PrintStream full =
                new PrintStream(new FileOutputStream(FULL_DISK.toFile()), true, StandardCharsets.UTF_8)) {
            assertThat(run(full, "summary", "--input", input, "--calibration-end", "2024-01-05"))
                    .isEqualTo(AnalyticsCommand.WRITE_FAILED);
        }
        assertThat(errors()).contains("cannot write the result to standard output");
    }

    @Test
    void theRowsAreUtf8AndKeepIdsThatDifferOnlyInNonAsciiLettersApart() throws IOException {
        assertThat(run("summary", "--input", purchases().toString(), "--calibration-end", "2024-01-05"))
                .isZero();

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).contains("\nM\u00fcller,", "\nMueller,");
    }

    @Test
    void aMissingFileADirectoryInvalidUtf8AndABlankQuotedIdAreNamed() throws IOException {
        Path missing = dir.resolve("nothing.csv");
        assertThat(run("summary", "--input", missing.toString(), "--calibration-end", "2024-01-05"))
                .isEqualTo(1);
        assertThat(errors()).contains(missing + ": no such file");

        assertThat(run("summary", "--input", dir.toString(), "--calibration-end", "2024-01-05"))
                .isEqualTo(1);
        assertThat(errors()).contains(dir + ": is a directory");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(
                latin1,
                "customer,date,amount\nk1,2024-01-01,1\nM\u00fcller,2024-01-02,1\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("summary", "--input", latin1.toString(), "--calibration-end", "2024-01-05"))
                .isEqualTo(1);
        assertThat(errors()).contains(latin1 + ": line 3, byte 2: not valid UTF-8");

        Path blank = Files.writeString(dir.resolve("blank.csv"), "customer,date,amount\n\" \",2024-01-01,1\n");
        assertThat(run("summary", "--input", blank.toString(), "--calibration-end", "2024-01-05"))
                .isEqualTo(1);
        assertThat(errors()).contains(blank + ": line 2, column 1 (customer): customer id is blank");

        Path huge = Files.writeString(dir.resolve("huge.csv"), "customer,date,amount\nc1,2024-01-01,1e100000000\n");
        assertThat(run("summary", "--input", huge.toString(), "--calibration-end", "2024-01-05"))
                .isEqualTo(1);
        assertThat(errors()).contains(huge + ": line 2, column 3 (amount)", "at most 18 digits");
        assertThat(output()).isEmpty();
    }

    @Test
    void aFailedFitSaysWhichModelAndExitsWithOne() throws IOException {
        Path oneTimers = Files.writeString(
                dir.resolve("once.csv"), "customer,date,amount\na,2024-01-01,1\nb,2024-01-02,1\nc,2024-01-03,1\n");

        assertThat(run("clv", "--input", oneTimers.toString(), "--calibration-end", "2024-03-01"))
                .isEqualTo(AnalyticsCommand.BAD_INPUT);
        assertThat(errors()).contains("CRM-0203", "repeat purchase");
    }
}
