package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private String[] cdnowClv(String... more) {
        List<String> args = new ArrayList<>(List.of(
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
                "gamma-gamma"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theRowsOfMoreBlocksThanAGroupComeInTheOrderOfTheInput() throws IOException {
        // 140,000 customers: 18 blocks of 8,192 rows, more than a group of 16 formatted at once
        int customers = 140_000;
        StringBuilder csv = new StringBuilder("customer,date,amount\n");
        for (int c = 0; c < customers; c++) {
            csv.append("c")
                    .append(c)
                    .append(",2024-01-0")
                    .append(1 + c % 9)
                    .append(",")
                    .append(c % 50)
                    .append('\n');
        }
        Path input = Files.writeString(dir.resolve("many.csv"), csv);

        assertThat(run("summary", "--input", input.toString(), "--calibration-end", "2024-01-10"))
                .isZero();

        List<String> rows = output().lines().skip(1).toList();
        assertThat(rows).hasSize(customers);
        for (int c = 0; c < customers; c += 997) {
            assertThat(rows.get(c)).startsWith("c" + c + ",0,0.0,");
        }
        assertThat(rows.get(customers - 1)).startsWith("c" + (customers - 1) + ",");
    }

    @Test
    void clvFitsBgNbdAndGammaGammaOnTheCdnowSampleAndValuesEveryCustomer() throws IOException {
        Path rows = dir.resolve("clv.csv");

        int status = run(cdnowClv("--output", rows.toString()));

        assertThat(status).as(errors()).isZero();
        String json = output();
        assertThat(json).contains("\"model\": \"bg-nbd\"", "\"standardErrors\"", "\"spendStandardErrors\"");
        assertThat(number(json, "r")).isCloseTo(0.243, org.assertj.core.api.Assertions.offset(5e-4));
        assertThat(number(json, "alpha")).isCloseTo(4.414, org.assertj.core.api.Assertions.offset(5e-3));
        assertThat(number(json, "logLikelihood")).isCloseTo(-9582.4, org.assertj.core.api.Assertions.offset(0.5));
        assertThat(number(json, "customers")).isEqualTo(2357);
        assertThat(number(json, "records")).isEqualTo(6919);
        assertThat(number(json, "p")).isCloseTo(6.25, org.assertj.core.api.Assertions.offset(0.01));
        List<String> lines = Files.readAllLines(rows);
        assertThat(lines).hasSize(2358);
        assertThat(lines.get(0)).isEqualTo("customer,probabilityAlive,expectedPurchases,expectedSpend,clv");
        assertThat(lines.get(1)).matches("0001,[01]\\.\\d{6},\\d+\\.\\d{6},\\d+\\.\\d{2},\\d+\\.\\d{2}");
    }

    @Test
    void topKeepsTheCustomersOfHighestValueBestFirstAsJsonLines() throws IOException {
        Path all = dir.resolve("all.csv");
        assertThat(run(cdnowClv("--output", all.toString()))).as(errors()).isZero();
        List<String> byValue = Files.readAllLines(all).stream()
                .skip(1)
                .sorted(Comparator.comparing((String line) -> new BigDecimal(line.substring(line.lastIndexOf(',') + 1)))
                        .reversed())
                .limit(5)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        out.reset();

        assertThat(run(cdnowClv("--top", "5", "--format", "jsonl")))
                .as(errors())
                .isZero();

        List<String> top = output().lines().toList();
        assertThat(top).hasSize(5).allMatch(line -> line.startsWith("{\"customer\":\"") && line.endsWith("}"));
        assertThat(top.stream()
                        .map(line -> line.substring(13, line.indexOf('"', 13)))
                        .toList())
                .isEqualTo(byValue);
        assertThat(top.get(0)).contains(",\"probabilityAlive\":", ",\"clv\":");
        assertThat(errors()).contains("\"model\": \"bg-nbd\"");
        assertThat(run(cdnowClv("--top", "0"))).isEqualTo(AnalyticsCommand.USAGE_ERROR);
        assertThat(errors()).contains("--top must be a whole number of customers from 1, was '0'");
    }

    private int summaryTo(Path input, Path rows) {
        return run(
                "summary", "--input", input.toString(), "--calibration-end", "2024-01-10", "--output", rows.toString());
    }

    @Test
    void idsWithDelimitersAndQuotesAreQuotedAsCsvQuotesThem() throws IOException {
        Path file = Files.writeString(
                dir.resolve("q.csv"), "customer,date,amount\n\"a,1\",2024-01-01,10\n\"b \"\"x\"\"\",2024-01-03,5\n");
        Path rows = dir.resolve("rows.csv");

        assertThat(summaryTo(file, rows)).as(errors()).isZero();

        assertThat(Files.readString(rows)).contains("\n\"a,1\",0,", "\n\"b \"\"x\"\"\",0,");
        assertThat(output()).contains("\"customers\": 2", "\"records\": 2");
    }

    @Test
    void rowsFormattedInBlocksOnSeveralThreadsComeOutInTheirOrder() throws IOException {
        StringBuilder purchases = new StringBuilder("customer,date,amount\n");
        for (int c = 0; c < 30_000; c++) {
            purchases
                    .append('c')
                    .append(c)
                    .append(",2024-01-0")
                    .append(1 + c % 9)
                    .append(',')
                    .append(c % 97);
            purchases.append(".5\n");
        }
        Path file = Files.writeString(dir.resolve("many.csv"), purchases);
        Path rows = dir.resolve("rows.csv");

        int status = run(
                "summary", "--input", file.toString(), "--calibration-end", "2024-12-31", "--output", rows.toString());
        List<String> lines = Files.readAllLines(rows, StandardCharsets.UTF_8);
        run(
                "summary",
                "--input",
                file.toString(),
                "--calibration-end",
                "2024-12-31",
                "--top",
                "20000",
                "--output",
                rows.toString());
        List<String> top = Files.readAllLines(rows, StandardCharsets.UTF_8);

        assertThat(status).isZero();
        assertThat(lines).hasSize(30_001);
        for (int c = 0; c < 30_000; c++) {
            assertThat(lines.get(c + 1)).startsWith("c" + c + ",0,0.0,");
        }
        List<String> bySpend = new ArrayList<>(lines.subList(1, lines.size()));
        bySpend.sort(Comparator.comparing((String line) -> new BigDecimal(line.split(",")[6]))
                .reversed());
        assertThat(top.subList(1, top.size())).isEqualTo(bySpend.subList(0, 20_000));
    }

    @Test
    void anOutputThatCannotBeCreatedEndsWithExitThree() throws IOException {
        Path file = Files.writeString(dir.resolve("tx.csv"), "customer,date,amount\na,2024-01-01,10\n");

        assertThat(summaryTo(file, dir.resolve("no/such/dir.csv"))).isEqualTo(AnalyticsCommand.WRITE_FAILED);
        assertThat(errors()).contains("cannot write the result to " + dir.resolve("no/such/dir.csv"));
        assertThat(run("rfm", "--input", file.toString(), "--calibration-end", "2024-01-10", "--top", "3"))
                .isEqualTo(AnalyticsCommand.USAGE_ERROR);
        assertThat(errors()).contains("option --top does not apply to rfm");
    }

    @Test
    void summaryAndRfmWriteCsvRowsAndTheSummaryApart() throws IOException {
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
        assertThat(output())
                .startsWith("customer,frequency,recency,T,monetaryValue,purchases,totalSpend,daysSinceLastPurchase,"
                        + "holdoutPurchases,holdoutSpend\n")
                .contains("\na,1,7.0,9.0,20,2,30,2,0,0\n");
        assertThat(errors()).contains("\"customers\": 2", "\"records\": 3");
        err.reset();
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
        assertThat(output()).startsWith("customer,recencyDays,frequency,monetary,rfm,segment\n");
        assertThat(errors()).contains("\"segments\"");
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
        assertThat(output()).contains("\na,100,40,2,58,key\n");
        assertThat(errors()).contains("\"key\": 1", "\"unprofitable\": 1");
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
