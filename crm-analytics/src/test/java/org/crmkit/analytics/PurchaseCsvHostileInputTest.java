package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Input an attacker or a broken export would hand the reader: each is refused by name, quickly. */
class PurchaseCsvHostileInputTest {

    @TempDir
    Path dir;

    private static List<PurchaseRecord> read(PurchaseCsvReader reader, String text) {
        List<PurchaseRecord> records = new ArrayList<>();
        reader.read(new StringReader(text), records::add);
        return records;
    }

    @Test
    void amountsWithHugeExponentsAreRefusedNamingLineColumnAndLimit() {
        PurchaseCsvReader reader = Analytics.csv().build();

        for (String amount : List.of("1e999999999", "1e100000000", "1e-100000000", "1234567890123456789")) {
            assertThatThrownBy(() -> read(reader, "customer,date,amount\nc1,2024-01-01,1\nc1,2024-01-02," + amount))
                    .as(amount)
                    .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                        assertThat(e.field()).isEqualTo("amount");
                    })
                    .hasMessageContaining("line 3, column 3 (amount)")
                    .hasMessageContaining("at most 18 digits before the decimal point and 12 after it");
        }
        assertThatThrownBy(() -> read(
                        Analytics.csv().costColumn("cost").build(),
                        "customer,date,amount,cost\nc1,2024-01-01,1,1e999999999\n"))
                .hasMessageContaining("line 2, column 4 (cost)");
        assertThatThrownBy(() -> read(reader, "customer,date,amount\nc1,2024-01-01," + "1".repeat(101) + "\n"))
                .hasMessageContaining("line 2, column 3 (amount)")
                .hasMessageContaining("longer than 100");
    }

    @Test
    void amountsWithinTheLimitsAreReadExactly() {
        assertThat(read(
                        Analytics.csv().build(),
                        "customer,date,amount\nc1,2024-01-01,999999999999999999.999999999999\nc1,2024-01-02,1e3\n"))
                .extracting(PurchaseRecord::amount)
                .containsExactly(
                        new java.math.BigDecimal("999999999999999999.999999999999"), new java.math.BigDecimal("1e3"));
    }

    @Test
    void theJavaApiRefusesAnAmountBeyondTheLimitsToo() {
        assertThatThrownBy(() ->
                        PurchaseRecord.of("c1", LocalDate.of(2024, 1, 1), new java.math.BigDecimal("1e999999999")))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INVALID_ARGUMENT))
                .hasMessageContaining("amount")
                .hasMessageContaining("18 digits");
    }

    @Test
    void impossibleDatesAreRefusedNotMovedToTheLastDayOfTheMonth() {
        for (String pattern : List.of("yyyy-MM-dd", "uuuu-MM-dd")) {
            PurchaseCsvReader reader = Analytics.csv().datePattern(pattern).build();
            for (String day : List.of("2021-02-31", "2021-04-31", "2023-02-29")) {
                assertThatThrownBy(() -> read(reader, "customer,date,amount\nc1,2021-01-01,1\nc1," + day + ",1\n"))
                        .as(pattern + " " + day)
                        .isInstanceOfSatisfying(
                                AnalyticsException.class,
                                e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT))
                        .hasMessageContaining("line 3, column 2 (date)")
                        .hasMessageContaining(day);
            }
            assertThat(read(reader, "customer,date,amount\nc1,2024-02-29,1\n"))
                    .extracting(PurchaseRecord::date)
                    .containsExactly(LocalDate.of(2024, 2, 29));
        }
        assertThatThrownBy(() -> read(
                        Analytics.csv().datePattern("dd.MM.yyyy").build(), "customer,date,amount\nc1,31.06.2021,1\n"))
                .hasMessageContaining("line 2, column 2 (date)")
                .hasMessageContaining("31.06.2021");
        assertThat(read(
                        Analytics.csv().datePattern("yyyyMMdd HH:mm").build(),
                        "customer,date,amount\nc1,19971231 23:59,1\n"))
                .extracting(PurchaseRecord::date)
                .containsExactly(LocalDate.of(1997, 12, 31));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMillionQuotesInOneFieldAreReadInOnePass() {
        int quotes = 1_000_000;
        String unquoted = "x" + "\"".repeat(quotes);
        String afterAQuotedPart = "\"a\" " + "\"".repeat(quotes);
        String text = "customer,date,amount,product\n" + unquoted + ",2024-01-01,1," + afterAQuotedPart + "\n";

        List<PurchaseRecord> records =
                read(Analytics.csv().productColumn("product").build(), text);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).customerId()).hasSize(quotes + 1).startsWith("x\"\"");
        assertThat(records.get(0).productId()).hasSize(quotes + 2).startsWith("a \"\"");
    }

    @Test
    void aBlankQuotedCustomerIdIsRefusedAtItsLineAndColumn() {
        assertThatThrownBy(() ->
                        read(Analytics.csv().build(), "customer,date,amount\nc1,2024-01-01,1\n\"   \",2024-01-02,1\n"))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                    assertThat(e.field()).isEqualTo("customer");
                })
                .hasMessageContaining("line 3, column 1 (customer)")
                .hasMessageContaining("blank");
    }

    @Test
    void invalidUtf8IsRefusedAtItsOwnLineNamingTheFile() throws IOException {
        StringBuilder text = new StringBuilder("customer,date,amount\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("k").append(i).append(",2024-01-01,1\n"); // well past the first buffer of a decoding reader
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "M\u00fcller,2024-01-02,1\n".getBytes(StandardCharsets.UTF_8);
        bad[1] = (byte) 0xFF;
        Path file = dir.resolve("purchases.csv");
        Files.write(file, concat(good, bad));

        assertThatThrownBy(() -> Analytics.csv().build().readAll(file))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_INPUT);
                })
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 5002, byte 2: not valid UTF-8");
    }

    @Test
    void windowsAndOldMacLineEndsAndNonAsciiIdsAreReadFromAFile() throws IOException {
        Path file = dir.resolve("endings.csv");
        Files.write(
                file,
                "\uFEFFcustomer,date,amount\r\nM\u00fcller,2024-01-01,1\rZo\u00eb,2024-01-02,2\n\nk3,2024-01-03,3"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(Analytics.csv().build().readAll(file))
                .extracting(PurchaseRecord::customerId)
                .containsExactly("M\u00fcller", "Zo\u00eb", "k3");
    }

    @Test
    void linesAcrossTheReadBuffersOfAFileReadAsFromAReader() throws IOException {
        // The file is read in buffers of 64 KiB: a line ending "\r\n" is split at the first boundary, and lines of
        // every length, some with two-byte characters, fall across the following ones.
        String header = "customer,date,amount\r\n";
        String filler = "f".repeat(65_535 - header.length() - ",2024-01-01,1".length()) + ",2024-01-01,1";
        StringBuilder text = new StringBuilder(header).append(filler).append("\r\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 3 == 0 ? "M\u00fcller" : "k")
                    .append("x".repeat(i % 37))
                    .append(i)
                    .append(",2024-01-02,")
                    .append(i % 100)
                    .append('.')
                    .append(i % 7)
                    .append(i % 2 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[65_535]).isEqualTo((byte) '\r');
        Path file = Files.write(dir.resolve("buffers.csv"), bytes);
        PurchaseCsvReader reader = Analytics.csv().build();
        List<PurchaseRecord> fromReader = new ArrayList<>();
        reader.read(new StringReader(text.toString()), fromReader::add);

        assertThat(reader.readAll(file)).hasSize(20_001).isEqualTo(fromReader);
    }

    @Test
    void plainAmountsKeepTheirScaleAsBigDecimalReadsThem() {
        List<String> amounts = List.of(
                "12.50",
                "7",
                "0",
                "0.000",
                ".5",
                "5.",
                "007.10",
                "123456789012345678",
                "12345678901234567.8",
                "1e3",
                "+5",
                "1_000");
        StringBuilder text = new StringBuilder("customer,date,amount\n");
        amounts.forEach(amount -> text.append("k,2024-01-01,").append(amount).append('\n'));

        List<PurchaseRecord> records = new ArrayList<>();
        Analytics.csv()
                .build()
                .read(new StringReader(text.substring(0, text.lastIndexOf("k,2024-01-01,1_000"))), records::add);

        // equals on BigDecimal compares the scale too: 12.50 is not 12.5
        assertThat(records)
                .extracting(PurchaseRecord::amount)
                .containsExactlyElementsOf(amounts.subList(0, amounts.size() - 1).stream()
                        .map(BigDecimal::new)
                        .toList());
        assertThatThrownBy(() -> Analytics.csv().build().read(new StringReader(text.toString()), r -> {}))
                .hasMessageContaining("line 13, column 3 (amount): cannot read '1_000' as an amount");
    }

    @Test
    void aMissingFileAndADirectoryAreRefusedNamingThePath() {
        Path missing = dir.resolve("missing.csv");

        assertThatThrownBy(() -> Analytics.csv().build().readAll(missing))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.UNREADABLE_INPUT);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNREADABLE_INPUT);
                })
                .hasMessageContaining(missing + ": no such file");
        assertThatThrownBy(() -> Analytics.csv().build().readAll(dir))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.UNREADABLE_INPUT))
                .hasMessageContaining(dir + ": is a directory");
    }

    @Test
    void errorsInAFileNameTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "customer,date,amount\nc1,2024-13-01,1\n");

        assertThatThrownBy(() -> Analytics.csv().build().readAll(file))
                .hasMessageContaining(file + ": line 2, column 2 (date)");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
