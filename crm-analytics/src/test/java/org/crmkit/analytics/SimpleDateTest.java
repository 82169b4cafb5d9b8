package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * A plain date read from a line's bytes as an epoch day is the day the strict formatter reads, for every day of
 * leap and common years, in both shapes; text that is no such date is left to the formatter.
 */
class SimpleDateTest {

    @Test
    void everyDayOfLeapAndCommonYearsIsItsEpochDay() {
        for (LocalDate day = LocalDate.of(1899, 12, 1);
                day.isBefore(LocalDate.of(1901, 3, 31));
                day = day.plusDays(1)) {
            assertDay(day);
        }
        for (LocalDate day = LocalDate.of(1999, 12, 1);
                day.isBefore(LocalDate.of(2001, 3, 31));
                day = day.plusDays(1)) {
            assertDay(day);
        }
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2025, 1, 1)); day = day.plusDays(1)) {
            assertDay(day);
        }
        assertDay(LocalDate.of(1, 1, 1));
        assertDay(LocalDate.of(9999, 12, 31));
    }

    @Test
    void daysNoMonthHasAndOtherTextAreLeftToTheFormatter() {
        for (String text : new String[] {
            "2023-02-29",
            "1900-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
            "0000-01-01",
            "2024-1-01",
            "2024/01/01",
            "2024-01-0a",
            "+202-01-01",
            "20240101"
        }) {
            assertThat(epochDay(SimpleLine.DateShape.ISO, text)).as(text).isEqualTo(SimpleLine.NOT_SIMPLE);
        }
        assertThat(epochDay(SimpleLine.DateShape.COMPACT, "20230229")).isEqualTo(SimpleLine.NOT_SIMPLE);
        assertThat(epochDay(SimpleLine.DateShape.COMPACT, "2024-01-01")).isEqualTo(SimpleLine.NOT_SIMPLE);
        assertThat(epochDay(SimpleLine.DateShape.OTHER, "2024-01-01")).isEqualTo(SimpleLine.NOT_SIMPLE);
    }

    @Test
    void aDayReadAgainComesFromTheCacheAsTheSameDay() {
        SimpleLine line = new SimpleLine(SimpleLine.DateShape.ISO, 1);
        byte[] first = "c,2024-02-29".getBytes(StandardCharsets.US_ASCII);
        byte[] clash = "c,2008-02-29".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 3; i++) {
            line.cut(first, 0, first.length, ',');
            assertThat(line.epochDay(first, 1))
                    .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
            assertThat(line.date(first, 1)).isEqualTo(LocalDate.of(2024, 2, 29));
            line.cut(clash, 0, clash.length, ',');
            assertThat(line.epochDay(clash, 1))
                    .isEqualTo(LocalDate.of(2008, 2, 29).toEpochDay());
        }
    }

    private static void assertDay(LocalDate day) {
        assertThat(epochDay(SimpleLine.DateShape.ISO, day.toString()))
                .as("%s", day)
                .isEqualTo(day.toEpochDay());
        assertThat(epochDay(SimpleLine.DateShape.COMPACT, day.format(DateTimeFormatter.ofPattern("yyyyMMdd"))))
                .as("%s", day)
                .isEqualTo(day.toEpochDay());
    }

    private static long epochDay(SimpleLine.DateShape shape, String text) {
        SimpleLine line = new SimpleLine(shape, 1);
        byte[] bytes = ("id," + text).getBytes(StandardCharsets.US_ASCII);
        line.cut(bytes, 0, bytes.length, ',');
        return line.epochDay(bytes, 1);
    }
}
