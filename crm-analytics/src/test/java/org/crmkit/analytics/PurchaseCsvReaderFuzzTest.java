package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Any bytes, under any of the reader's options, are read into valid records or refused by name. In the normal test
 * run Jazzer replays the committed inputs under {@code src/test/resources/.../PurchaseCsvReaderFuzzTestInputs};
 * crm-analytics/README.md shows how to fuzz for longer.
 */
class PurchaseCsvReaderFuzzTest {

    private static final String[] DATE_PATTERNS = {"yyyy-MM-dd", "yyyyMMdd", "dd.MM.uuuu", "yyyy-MM-dd HH:mm:ss"};
    private static final LocalDate CALIBRATION_END = LocalDate.of(2030, 1, 1);
    private static final LocalDate OBSERVATION_END = LocalDate.of(2031, 1, 1);
    private static final List<String> COLUMNS = List.of("customer", "date", "amount", "cost", "product");

    /** The first byte picks the options (date pattern, delimiter, header, cost and product); the rest is the file. */
    @FuzzTest(maxDuration = "2m")
    void anyBytesAreReadIntoValidRecordsOrRefusedAtTheirLine(byte[] input) throws IOException {
        int options = input.length == 0 ? 0 : input[0] & 0xFF;
        byte[] file = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        PurchaseCsvReader.Builder builder = Analytics.csv().datePattern(DATE_PATTERNS[options & 3]);
        switch ((options >> 2) & 3) {
            case 0 -> builder.delimiter(',');
            case 1 -> builder.delimiter(';');
            case 2 -> builder.delimiter('\t');
            default -> builder.whitespaceDelimited();
        }
        if ((options & 16) != 0) {
            builder.withoutHeader().columnNames(COLUMNS);
        }
        if ((options & 32) != 0) {
            builder.costColumn("cost").productColumn("product");
        }
        PurchaseCsvReader reader = builder.build();
        theBytesAndTheTextGiveTheSameRecordsOrTheSameRefusal(reader, file);
        theFileSummarizedGivesTheSummariesOfItsRecordsOrTheSameRefusal(reader, file);
        CustomerSummarizer summarizer = Analytics.summarizer(CALIBRATION_END, PeriodUnit.DAYS);
        List<PurchaseRecord> records = new ArrayList<>();
        try {
            long count = reader.readUtf8(new ByteArrayInputStream(file), record -> {
                records.add(record);
                summarizer.add(record);
            });

            assertThat(count).isEqualTo(records.size()).isPositive();
            for (PurchaseRecord record : records) {
                assertThat(record.customerId()).isNotBlank();
                assertThat(record.amount().signum()).isNotNegative();
                assertThat(org.crmkit.core.common.Money.isWithinLimits(record.amount()))
                        .isTrue();
            }
            if (records.stream().anyMatch(record -> !record.date().isAfter(CALIBRATION_END))) {
                assertThat(summarizer.summaries()).isNotEmpty();
            }
        } catch (AnalyticsException refused) {
            assertThat(refused.reason())
                    .isIn(AnalyticsException.Reason.MALFORMED_INPUT, AnalyticsException.Reason.EMPTY_INPUT);
            assertThat(refused.problem()).containsAnyOf("line ", "the input is empty");
        }
    }

    /**
     * {@link PurchaseCsvReader#summarize} takes simple lines into the summarizer without records, in one pass or in
     * parts: the same summaries, count and refusal as the summarizer fed with the records, within and beyond an end
     * of observation.
     */
    private static void theFileSummarizedGivesTheSummariesOfItsRecordsOrTheSameRefusal(
            PurchaseCsvReader reader, byte[] bytes) throws IOException {
        Path file = Files.createTempFile("purchases", ".csv");
        try {
            Files.write(file, bytes);
            for (LocalDate observationEnd : new LocalDate[] {null, OBSERVATION_END}) {
                SummarizedFileTest.Outcome fromRecords =
                        SummarizedFileTest.Outcome.of(reader, file, false, CALIBRATION_END, observationEnd);
                assertThat(SummarizedFileTest.Outcome.of(reader, file, true, CALIBRATION_END, observationEnd))
                        .isEqualTo(fromRecords);
                for (int parts : new int[] {3, 16}) {
                    assertThat(SummarizedFileTest.Outcome.of(
                                    reader, file, parts, CALIBRATION_END, observationEnd, List.of()))
                            .as("in %d parts", parts)
                            .isEqualTo(fromRecords);
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The reader takes the records of simple ASCII lines from their bytes and the others from their text: both ways
     * must agree, so valid UTF-8 read as bytes and read as text gives equal records (scales included) or the same
     * refusal.
     */
    private static void theBytesAndTheTextGiveTheSameRecordsOrTheSameRefusal(PurchaseCsvReader reader, byte[] file)
            throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return;
        }
        List<Object> fromBytes = new ArrayList<>();
        try {
            reader.readUtf8(new ByteArrayInputStream(file), fromBytes::add);
        } catch (AnalyticsException refused) {
            fromBytes.add(refused.getMessage());
        }
        List<Object> fromText = new ArrayList<>();
        try {
            reader.read(new StringReader(text), fromText::add);
        } catch (AnalyticsException refused) {
            fromText.add(refused.getMessage());
        }
        assertThat(fromBytes).isEqualTo(fromText);
    }
}
