package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseCsvReaderTest {

    private static List<PurchaseRecord> read(PurchaseCsvReader reader, String text) {
        List<PurchaseRecord> records = new ArrayList<>();
        reader.read(new StringReader(text), records::add);
        return records;
    }

    @Test
    void namedColumnsAreFoundByTheHeaderInAnyOrder() {
        PurchaseCsvReader reader = Analytics.csv()
                .customerColumn("client")
                .dateColumn("day")
                .amountColumn("total")
                .costColumn("cogs")
                .productColumn("sku")
                .build();

        List<PurchaseRecord> records = read(
                reader,
                "\uFEFFsku,total,day,client,cogs\nA-1,12.50,2024-03-01,c7,7.25\n\n"
                        + "\"B,2\", 3 ,2024-03-02,\"c \"\"8\"\"\",\n");

        assertThat(records)
                .containsExactly(
                        PurchaseRecord.of(
                                "c7", LocalDate.of(2024, 3, 1), new BigDecimal("12.50"), new BigDecimal("7.25"), "A-1"),
                        PurchaseRecord.of("c \"8\"", LocalDate.of(2024, 3, 2), new BigDecimal("3"), null, "B,2"));
    }

    @Test
    void semicolonAndTabDelimitersAndDateTimePatternsAreSupported() {
        PurchaseCsvReader semicolon =
                Analytics.csv().delimiter(';').datePattern("dd.MM.yyyy").build();
        PurchaseCsvReader tab = Analytics.csv()
                .delimiter('\t')
                .datePattern("yyyy-MM-dd HH:mm:ss")
                .build();

        assertThat(read(semicolon, "customer;date;amount\nk1;31.12.2023;1.5\n"))
                .containsExactly(PurchaseRecord.of("k1", LocalDate.of(2023, 12, 31), new BigDecimal("1.5")));
        assertThat(read(tab, "customer\tdate\tamount\nk1\t2014-01-02 00:00:00\t2\n"))
                .containsExactly(PurchaseRecord.of("k1", LocalDate.of(2014, 1, 2), new BigDecimal("2")));
    }

    @Test
    void headerlessWhitespaceFilesAreAddressedByPosition() {
        PurchaseCsvReader reader = Analytics.csv()
                .whitespaceDelimited()
                .withoutHeader()
                .customerColumn("2")
                .dateColumn("3")
                .amountColumn("5")
                .datePattern("yyyyMMdd")
                .build();

        assertThat(read(reader, " 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n"))
                .extracting(PurchaseRecord::customerId, PurchaseRecord::date, PurchaseRecord::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0001", LocalDate.of(1997, 1, 1), new BigDecimal("29.33")),
                        org.assertj.core.groups.Tuple.tuple(
                                "0001", LocalDate.of(1997, 1, 18), new BigDecimal("29.73")));
    }

    @Test
    void theCdnowSampleReadsCompletely() {
        List<PurchaseRecord> records = CdnowData.sampleReader().readAll(CdnowData.file("CDNOW_sample.txt"));

        assertThat(records).hasSize(6919);
        assertThat(records.stream().map(PurchaseRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("244091.94");
    }

    @Test
    void anUnparsableDateNamesItsLineAndColumn() {
        PurchaseCsvReader reader = Analytics.csv().datePattern("yyyyMMdd").build();

        assertThatThrownBy(() -> read(reader, "customer,date,amount\nc1,19970101,1\nc1,1997-01-02,1\n"))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.field()).isEqualTo("date");
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                })
                .hasMessageContaining("line 3, column 2 (date)")
                .hasMessageContaining("1997-01-02");
    }

    @Test
    void anUnparsableAmountAMissingColumnAndAShortLineAreNamed() {
        PurchaseCsvReader reader = Analytics.csv().build();

        assertThatThrownBy(() -> read(reader, "customer,date,amount\nc1,2024-01-01,12,5x\nc1,2024-01-01,1O\n"))
                .hasMessageContaining("line 3, column 3 (amount)")
                .hasMessageContaining("'1O'");
        assertThatThrownBy(() -> read(reader, "customer,day,amount\nc1,2024-01-01,1\n"))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("date"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("no column 'date'");
        assertThatThrownBy(() -> read(reader, "customer,date,amount\nc1,2024-01-01\n"))
                .hasMessageContaining("line 2, column 3 (amount)");
    }

    @Test
    void emptyInputIsRefused() {
        PurchaseCsvReader reader = Analytics.csv().build();

        assertThatThrownBy(() -> read(reader, ""))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.EMPTY_INPUT));
        assertThatThrownBy(() -> read(reader, "customer,date,amount\n")).hasMessageContaining("no record");
    }

    @Test
    void aRecordTheConsumerRefusesIsLocatedAtItsLine() {
        CustomerSummarizer summarizer = Analytics.summarizer(LocalDate.of(2024, 12, 31), PeriodUnit.DAYS);

        assertThatThrownBy(() -> Analytics.csv()
                        .build()
                        .read(
                                new StringReader("customer,date,amount\nc1,2024-02-01,1\nc1,2024-01-01,1\n"),
                                summarizer::add))
                .hasMessageContaining("line 3:")
                .hasMessageContaining("date order");
    }

    /** Simple ASCII lines are read from their bytes: the same records and refusals as from their text. */
    @Test
    void linesReadFromTheirBytesGiveWhatTheirTextGives() throws Exception {
        PurchaseCsvReader iso = Analytics.csv().build();
        PurchaseCsvReader compact = Analytics.csv().datePattern("yyyyMMdd").build();
        String good = "customer,date,amount\nc1,2024-02-29,0.000000000001\nc1,2024-03-01, 7 \nc2,2023-12-31,12.50\n"
                + "c2,2024-01-01,1.5000000000000\n";
        assertThat(fromBytes(iso, good)).isEqualTo(read(iso, good)).hasSize(4);
        assertThat(fromBytes(iso, good).get(3).amount()).isEqualTo(new BigDecimal("1.5000000000000"));
        assertThat(fromBytes(compact, "customer,date,amount\nc1,20240229,3\n"))
                .containsExactly(PurchaseRecord.of("c1", LocalDate.of(2024, 2, 29), new BigDecimal("3")));
        for (String refused : List.of(
                "c1,2023-02-29,1",
                "c1,0000-01-01,1",
                "c1,2024-13-01,1",
                "c1,2024-01-01,1.0000000000001",
                "c1,2024-1-01,1")) {
            String file = "customer,date,amount\n" + refused + "\n";
            assertThatThrownBy(() -> fromBytes(iso, file))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessage(messageOf(() -> read(iso, file)))
                    .hasMessageContaining("line 2, column");
        }
    }

    /** A {@code \r\n} split between two reads of the 64 KiB buffer ends one line. */
    @Test
    void aCarriageReturnAtTheEndOfTheBufferAndItsLineFeedEndOneLine() throws Exception {
        StringBuilder file = new StringBuilder("customer,date,amount\r\n");
        String line = "c1,2024-01-01,1\r\n";
        while (file.length() + line.length() + 20 < 65_536) {
            file.append(line);
        }
        String filler = "c" + "x".repeat(65_535 - file.length() - ",2024-01-01,1".length() - 1) + ",2024-01-01,1";
        file.append(filler).append("\r\nc2,2024-01-02,2\r\n");
        assertThat(file.indexOf(filler) + filler.length()).isEqualTo(65_535);

        List<PurchaseRecord> records = fromBytes(Analytics.csv().build(), file.toString());

        assertThat(records).isEqualTo(read(Analytics.csv().build(), file.toString()));
        assertThat(records.get(records.size() - 1).customerId()).isEqualTo("c2");
    }

    private static List<PurchaseRecord> fromBytes(PurchaseCsvReader reader, String text) throws Exception {
        List<PurchaseRecord> records = new ArrayList<>();
        reader.readUtf8(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), records::add);
        return records;
    }

    private static String messageOf(Runnable reading) {
        try {
            reading.run();
        } catch (AnalyticsException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
