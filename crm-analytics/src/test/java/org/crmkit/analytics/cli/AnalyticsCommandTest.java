package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AnalyticsCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path cdnowSample() {
        String cdnow = System.getProperty("crmkit.cdnow.dir");
        assertThat(cdnow)
                .as("system property crmkit.cdnow.dir (set by surefire)")
                .isNotNull();
        Path sample = Path.of(cdnow, "CDNOW_sample.txt");
        assertThat(sample)
                .as("CDNOW fixture; shared/ must sit beside the repository")
                .isRegularFile();
        return sample;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?[0-9.Ee-]+)")
                .matcher(json);
        assertThat(m.find())
                .as("key %s in %s", key, json.substring(0, Math.min(400, json.length())))
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void clvFitsBgNbdAndGammaGammaOnTheCdnowSampleAndValuesEveryCustomer() {
        int status = run(
                "clv",
                "--input",
                cdnowSample().toString(),
                "--delimiter",
                "whitespace",
                "--no-header",
                "--columns",
                "id_total,id_sample,date,num_cd_purc,total_value",
                "--customer-column",
                "id_sample",
                "--amount-column",
                "total_value",
                "--date-format",
                "yyyyMMdd",
                "--calibration-end",
                "1997-09-30",
                "--time-unit",
                "weeks",
                "--model",
                "bg-nbd",
                "--spend",
                "gamma-gamma");

        assertThat(status).as(errors()).isZero();
        String json = output();
        assertThat(json).contains("\"model\": \"bg-nbd\"");
        assertThat(number(json, "r")).isCloseTo(0.243, org.assertj.core.api.Assertions.offset(5e-4));
        assertThat(number(json, "alpha")).isCloseTo(4.414, org.assertj.core.api.Assertions.offset(5e-3));
        assertThat(number(json, "logLikelihood")).isCloseTo(-9582.4, org.assertj.core.api.Assertions.offset(0.5));
        assertThat(number(json, "customers")).isEqualTo(2357);
        assertThat(number(json, "p")).isCloseTo(6.25, org.assertj.core.api.Assertions.offset(0.01));
        assertThat(json).contains("\"spend\"", "\"probabilityAlive\"", "\"clv\"");
    }

    @Test
    void summaryAndRfmPrintJsonForAHeaderFile() throws IOException {
        Path file = Files.writeString(
                dir.resolve("tx.csv"), "customer;date;amount\na;2024-01-01;10\nb;2024-01-03;5\na;2024-01-08;20\n");

        assertThat(run(
                        "summary",
                        "--input",
                        file.toString(),
                        "--delimiter",
                        "semicolon",
                        "--calibration-end",
                        "2024-01-10"))
                .as(errors())
                .isZero();
        assertThat(output()).contains("\"customer\": \"a\"", "\"frequency\": 1", "\"monetaryValue\": 20");
        out.reset();
        assertThat(run(
                        "rfm",
                        "--input",
                        file.toString(),
                        "--delimiter",
                        "semicolon",
                        "--calibration-end",
                        "2024-01-10"))
                .as(errors())
                .isZero();
        assertThat(output()).contains("\"segments\"", "\"rfm\"");
    }

    @Test
    void profitabilityTiersCustomers() throws IOException {
        Path file = Files.writeString(
                dir.resolve("p.csv"), "customer,date,amount,cost\na,2024-01-01,100,40\nb,2024-01-02,10,9\n");

        assertThat(run(
                        "profitability",
                        "--input",
                        file.toString(),
                        "--cost-column",
                        "cost",
                        "--cost-per-order",
                        "2",
                        "--key-threshold",
                        "50"))
                .as(errors())
                .isZero();
        assertThat(output()).contains("\"key\": 1", "\"unprofitable\": 1", "\"profit\": 58");
    }

    @Test
    void badInputEndsWithTheLineAndColumnAndANonZeroExit() throws IOException {
        Path file =
                Files.writeString(dir.resolve("bad.csv"), "customer,date,amount\na,2024-01-01,10\na,2024-13-01,5\n");

        int status = run("summary", "--input", file.toString(), "--calibration-end", "2024-12-31");

        assertThat(status).isEqualTo(1);
        assertThat(output()).isEmpty();
        assertThat(errors()).contains("line 3, column 2 (date)");
    }

    @Test
    void aMissingColumnAndAnEmptyFileAreReported() throws IOException {
        Path noColumn = Files.writeString(dir.resolve("c.csv"), "client,date,amount\na,2024-01-01,10\n");
        Path empty = Files.writeString(dir.resolve("e.csv"), "");

        assertThat(run("summary", "--input", noColumn.toString(), "--calibration-end", "2024-12-31"))
                .isEqualTo(1);
        assertThat(errors()).contains("line 1", "no column 'customer'");
        assertThat(run("summary", "--input", empty.toString(), "--calibration-end", "2024-12-31"))
                .isEqualTo(1);
        assertThat(errors()).contains("empty");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("forecast", "--input", "x")).isEqualTo(2);
        assertThat(run("summary", "--input")).isEqualTo(2);
        assertThat(errors()).contains("usage:");
    }
}
