package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
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
}
