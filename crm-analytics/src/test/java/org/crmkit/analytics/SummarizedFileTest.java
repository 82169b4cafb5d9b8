package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PurchaseCsvReader#summarize} takes simple lines straight from their bytes into the summarizer: the same
 * summaries (scales of the amounts included), record counts and refusals as the summarizer fed with the records.
 */
class SummarizedFileTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 6, 30);

    @TempDir
    Path folder;

    @Test
    void theCdnowMasterFileSummarizedFromItsBytesEqualsItsRecordsSummarized() {
        PurchaseCsvReader reader = CdnowData.masterReader();
        Path master = CdnowData.file("CDNOW_master.txt");

        Outcome fromBytes = Outcome.of(reader, master, true, CdnowData.CALIBRATION_END, null);

        assertThat(fromBytes).isEqualTo(Outcome.of(reader, master, false, CdnowData.CALIBRATION_END, null));
        assertThat(fromBytes.summaries()).hasSize(23_570);
        assertThat(fromBytes.records()).isEqualTo(69_659);
    }

    @Test
    void linesOfEveryKindGiveTheSummariesOfTheirRecords() throws IOException {
        Path file = write("customer,date,amount,cost\n"
                + "c1,2024-01-05,10,1\n"
                + "c1,2024-01-05,5.5,1\n"
                + "\"c1\",2024-02-01,0.125,\n"
                + " c2 ,2024-01-07, 1E+3 ,2\n"
                + "c2,2024-01-09,999999999999999999,2\n"
                + "c2,2024-01-10,999999999999999999.999999999999,2\n"
                + "Zoë,2024-01-02,3.10,0\n"
                + "Zoë,2024-03-02,4,0\n"
                + "c1,2024-07-01,2.50,0\n"
                + "c3,2024-08-01,1,0\n"
                + "c1,2025-01-01,100,0\n");
        PurchaseCsvReader reader = Analytics.csv().costColumn("cost").build();

        for (LocalDate observationEnd : new LocalDate[] {null, LocalDate.of(2024, 12, 31)}) {
            Outcome fromBytes = Outcome.of(reader, file, true, CALIBRATION_END, observationEnd);

            assertThat(fromBytes).isEqualTo(Outcome.of(reader, file, false, CALIBRATION_END, observationEnd));
            assertThat(fromBytes.summaries())
                    .extracting(CustomerSummary::customerId)
                    .containsExactly("c1", "c2", "Zoë");
            assertThat(fromBytes.summaries().get(1).totalSpend())
                    .isEqualTo(sum("1E+3", "999999999999999999", "999999999999999999.999999999999"));
        }
    }

    @Test
    void refusalsOfASimpleLineAreThoseOfItsRecord() throws IOException {
        PurchaseCsvReader reader = Analytics.csv().costColumn("cost").build();
        for (String lines : List.of(
                "c1,2024-02-01,1,0\nc1,2024-01-01,1,0\n",
                "c1,2024-02-30,1,0\n",
                "c1,2024-02-01,x,0\n",
                "c1,2024-02-01,1.0000000000001,0\n",
                "c1,2024-02-01,1,-2\n",
                "c1,2024-13-01,x,-2\n",
                "c1,2024-02-01\n")) {
            Path file = write("customer,date,amount,cost\n" + lines);

            Outcome fromBytes = Outcome.of(reader, file, true, CALIBRATION_END, null);

            assertThat(fromBytes).as(lines).isEqualTo(Outcome.of(reader, file, false, CALIBRATION_END, null));
            assertThat(fromBytes.refusal()).as(lines).contains(file + ": line ");
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(
                folder.resolve("purchases-" + System.nanoTime() + ".csv"), text, StandardCharsets.UTF_8);
    }

    /** The amounts added as BigDecimal adds them, from zero: the value and the scale a summary keeps. */
    static BigDecimal sum(String... amounts) {
        return Arrays.stream(amounts).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What a summary of a file comes to: the summaries and the count of records, or the refusal's message. */
    record Outcome(List<CustomerSummary> summaries, long records, String refusal) {

        /** The file summarized by {@link PurchaseCsvReader#summarize} (fromBytes) or from its records. */
        static Outcome of(
                PurchaseCsvReader reader,
                Path file,
                boolean fromBytes,
                LocalDate calibrationEnd,
                LocalDate observationEnd) {
            return of(reader, file, fromBytes ? 1 : 0, calibrationEnd, observationEnd, List.of());
        }

        /**
         * The file summarized in at most {@code parts} parts, or (parts 0) from its records, by a summarizer that was
         * given the records {@code before} first.
         */
        static Outcome of(
                PurchaseCsvReader reader,
                Path file,
                int parts,
                LocalDate calibrationEnd,
                LocalDate observationEnd,
                List<PurchaseRecord> before) {
            CustomerSummarizer summarizer = observationEnd == null
                    ? Analytics.summarizer(calibrationEnd, PeriodUnit.WEEKS)
                    : Analytics.summarizer(calibrationEnd, observationEnd, PeriodUnit.WEEKS);
            summarizer.addAll(before);
            try {
                long records =
                        parts == 0 ? reader.read(file, summarizer::add) : reader.summarize(file, summarizer, parts);
                return new Outcome(summarizer.summaries(), records, null);
            } catch (AnalyticsException refused) {
                return new Outcome(null, 0, refused.getMessage());
            }
        }
    }
}
