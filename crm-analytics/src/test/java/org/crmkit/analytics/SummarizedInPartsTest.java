package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.crmkit.analytics.SummarizedFileTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file summarized in parts on several threads, the parts joined in file order, comes to what one pass gives: the
 * same summaries (scales of the sums included), customers in the same order, the same count, and every refusal
 * with the same message at the same line, wherever the parts are cut.
 */
class SummarizedInPartsTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 6, 30);
    private static final LocalDate OBSERVATION_END = LocalDate.of(2024, 12, 31);

    @TempDir
    Path folder;

    @Test
    void theCdnowMasterFileInAnyNumberOfPartsEqualsOnePass() {
        PurchaseCsvReader reader = CdnowData.masterReader();
        Path master = CdnowData.file("CDNOW_master.txt");
        Outcome onePass = outcome(reader, master, 0, CdnowData.CALIBRATION_END, CdnowData.OBSERVATION_END);

        for (int parts : new int[] {2, 3, 8, 64}) {
            assertThat(outcome(reader, master, parts, CdnowData.CALIBRATION_END, CdnowData.OBSERVATION_END))
                    .as("in %d parts", parts)
                    .isEqualTo(onePass);
        }
        assertThat(onePass.summaries()).hasSize(23_570);
    }

    @Test
    void customersWhosePurchasesInterleaveAndCrossPartsOnOneDayAreSummarizedAsInOnePass() throws IOException {
        Path file = write(interleavedPurchases(new Random(20), 400));
        PurchaseCsvReader reader = Analytics.csv().costColumn("cost").build();
        List<PurchaseRecord> before = List.of(
                PurchaseRecord.of("c1", LocalDate.of(2024, 1, 1), new BigDecimal("2.5")),
                PurchaseRecord.of("early", LocalDate.of(2023, 12, 1), BigDecimal.ONE));

        for (LocalDate observationEnd : new LocalDate[] {null, OBSERVATION_END}) {
            for (List<PurchaseRecord> first : List.of(List.<PurchaseRecord>of(), before)) {
                Outcome onePass = Outcome.of(reader, file, 0, CALIBRATION_END, observationEnd, first);
                assertThat(onePass.refusal()).isNull();
                for (int parts = 2; parts <= 40; parts++) {
                    assertThat(Outcome.of(reader, file, parts, CALIBRATION_END, observationEnd, first))
                            .as("in %d parts, observed to %s, after %s", parts, observationEnd, first)
                            .isEqualTo(onePass);
                }
            }
        }
    }

    @Test
    void partsOfManyCustomersEachAreJoinedAsOnePassReadsThem() throws IOException {
        StringBuilder text = new StringBuilder("customer,date,amount\n");
        for (int day = 1; day <= 3; day++) {
            for (int c = day - 1; c < 100_000; c += day) {
                text.append('c')
                        .append(c)
                        .append(",2024-0")
                        .append(day)
                        .append("-01,")
                        .append(c % 13)
                        .append(".25\n");
            }
        }
        Path file = write(text.toString());
        PurchaseCsvReader reader = Analytics.csv().build();
        Outcome onePass = outcome(reader, file, 0, CALIBRATION_END, null);

        for (int parts : new int[] {2, 3}) {
            assertThat(outcome(reader, file, parts, CALIBRATION_END, null)).isEqualTo(onePass);
        }
        assertThat(onePass.summaries()).hasSize(100_000);
    }

    @Test
    void everyRefusalIsThatOfOnePassWhereverThePartsAreCut() throws IOException {
        PurchaseCsvReader reader = Analytics.csv().costColumn("cost").build();
        String header = "customer,date,amount,cost\n";
        String body = "a,2024-01-01,1,0\nb,2024-01-02,2,0\nc,2024-01-03,3,0\nd,2024-01-04,4,0\n";
        for (String text : List.of(
                header + body + "a,2023-12-31,1,0\n" + body,
                header + body + body + "e,2024-01-05,x,0\n" + body,
                header + body + "e,2024-02-30,1,0\n",
                header + body + "\"e,2024-02-01,1,0\n" + body,
                header + "\n\n\n\n\n\n",
                "\n\n\n" + header.replace("cost", "price") + body,
                "")) {
            Path file = write(text);
            Outcome onePass = outcome(reader, file, 0, CALIBRATION_END, null);
            assertThat(onePass.refusal()).as(text).isNotNull();
            for (int parts = 1; parts <= 20; parts++) {
                assertThat(outcome(reader, file, parts, CALIBRATION_END, null))
                        .as("%s in %d parts", text, parts)
                        .isEqualTo(onePass);
            }
        }
    }

    @Test
    void invalidUtf8InALaterPartIsRefusedAtItsLine() throws IOException {
        String lines = "b,2024-01-02,2\nc,2024-01-03,3\nd,2024-01-04,4\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("customer,date,amount\n" + lines + lines).getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {'e', (byte) 0xC3, ','});
        bytes.writeBytes(("2024-01-05,1\n" + lines).getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(folder.resolve("invalid.csv"), bytes.toByteArray());
        PurchaseCsvReader reader = Analytics.csv().build();
        Outcome onePass = outcome(reader, file, 0, CALIBRATION_END, null);

        for (int parts = 1; parts <= 12; parts++) {
            assertThat(outcome(reader, file, parts, CALIBRATION_END, null)).isEqualTo(onePass);
        }
        assertThat(onePass.refusal()).contains("line 8, byte 2: not valid UTF-8");
    }

    @Test
    void aByteOrderMarkOpensOnlyTheFirstPart() throws IOException {
        Path file = write("\uFEFFcustomer,date,amount\na,2024-01-01,1\n\uFEFFb,2024-01-02,2\na,2024-02-01,3\n");
        PurchaseCsvReader reader = Analytics.csv().build();
        Outcome onePass = outcome(reader, file, 0, CALIBRATION_END, null);

        for (int parts = 1; parts <= 6; parts++) {
            assertThat(outcome(reader, file, parts, CALIBRATION_END, null)).isEqualTo(onePass);
        }
        assertThat(onePass.summaries()).extracting(CustomerSummary::customerId).containsExactly("a", "\uFEFFb");
    }

    @Test
    void aFileIsReadInOnePartPerProcessorOfAtLeastAMegabyteEach() throws IOException {
        Path small = write("customer,date,amount\na,2024-01-01,1\n");
        Path large = Files.write(folder.resolve("large.csv"), new byte[(5 << 20) / 2]);

        assertThat(FileParts.partsFor(small)).isEqualTo(1);
        assertThat(FileParts.partsFor(large))
                .isEqualTo(Math.min(2, Runtime.getRuntime().availableProcessors()));
        assertThat(FileParts.partsFor(folder.resolve("missing.csv"))).isEqualTo(1);
        assertThat(FileParts.partsFor(folder)).isEqualTo(1);
    }

    @Test
    void aPartsTablesStartWithRoomForOneCustomerPer64BytesWithinBounds() {
        assertThat(FileParts.expectedCustomers(0)).isEqualTo(CustomerStates.INITIAL_CAPACITY);
        assertThat(FileParts.expectedCustomers(16 << 20)).isEqualTo(262_144);
        assertThat(FileParts.expectedCustomers(1L << 40)).isEqualTo(1 << 20);
    }

    /**
     * Purchases of customers interleaved by date, several a day (a day's purchases of a customer may fall in two
     * parts), sums that outgrow a long, amounts of many scales, ids that are not ASCII, quoted and spaced fields,
     * blank lines and CRLF line ends, customers who buy only after calibration or only after observation.
     */
    private static String interleavedPurchases(Random random, int lines) {
        StringBuilder text = new StringBuilder("customer,date,amount,cost\r\n");
        LocalDate day = LocalDate.of(2024, 1, 1);
        String[] amounts = {"1", "2.5", "0.125", "999999999999999999", "3.10", "0", "7.000", "1E+3"};
        for (int line = 0; line < lines; line++) {
            if (random.nextBoolean()) {
                day = day.plusDays(1 + random.nextInt(3));
            }
            String customer = switch (random.nextInt(12)) {
                case 0 -> "Zoë" + random.nextInt(3);
                case 1 -> "\"q" + random.nextInt(3) + "\"";
                case 2 -> " s" + random.nextInt(3) + " ";
                default -> "c" + random.nextInt(25);
            };
            if (day.isAfter(LocalDate.of(2024, 9, 1)) && random.nextInt(6) == 0) {
                customer = "late" + random.nextInt(4);
            }
            String amount = amounts[random.nextInt(amounts.length)];
            text.append(customer)
                    .append(',')
                    .append(day)
                    .append(',')
                    .append(amount)
                    .append(",0");
            text.append(random.nextInt(5) == 0 ? "\r\n\n" : "\n");
        }
        return text.toString();
    }

    private Outcome outcome(
            PurchaseCsvReader reader, Path file, int parts, LocalDate calibrationEnd, LocalDate observationEnd) {
        return Outcome.of(reader, file, parts, calibrationEnd, observationEnd, List.of());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(
                folder.resolve("purchases-" + System.nanoTime() + ".csv"), text, StandardCharsets.UTF_8);
    }
}
