package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RfmAnalysisTest {

    @Test
    void distinctValuesFallIntoEqualQuantiles() {
        long[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};

        assertThat(RfmAnalysis.quantileScores(values, 5)).containsExactly(5, 1, 5, 1, 4, 2, 4, 2, 3, 3);
    }

    @Test
    void tiedValuesShareTheScoreWhereTheirBlockStartsWhateverTheInputOrder() {
        long[] values = {1, 1, 1, 1, 1, 1, 2, 3, 4, 5};
        long[] shuffled = {5, 1, 4, 1, 1, 3, 1, 2, 1, 1};

        assertThat(RfmAnalysis.quantileScores(values, 5)).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
        assertThat(RfmAnalysis.quantileScores(shuffled, 5)).containsExactly(5, 1, 5, 1, 1, 4, 1, 4, 1, 1);
    }

    @Test
    void amountsScoreAlikeWhetherCountedInCentsOrComparedAsDecimals() {
        BigDecimal[] cents = {
            new BigDecimal("10.5"),
            new BigDecimal("3.25"),
            new BigDecimal("10.50"),
            new BigDecimal("0"),
            new BigDecimal("99.99"),
            new BigDecimal("3.25"),
            new BigDecimal("7")
        };
        BigDecimal[] tooPrecise = {
            new BigDecimal("1.0000000000000000000001"),
            new BigDecimal("1"),
            new BigDecimal("0.99999999999999999999999"),
            new BigDecimal("1.0000000000000000000001")
        };

        assertThat(RfmAnalysis.quantileScores(cents, 5))
                .containsExactly(3, 1, 3, 1, 5, 1, 3)
                .containsExactly(RfmAnalysis.comparedQuantileScores(cents, 5));
        assertThat(RfmAnalysis.quantileScores(tooPrecise, 4)).containsExactly(3, 2, 1, 3);
    }

    @Test
    void theCdnowCohortSplitsIntoNamedSegmentsThatAddUp() {
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();

        RfmReport report = RfmAnalysis.standard().score(customers);

        assertThat(report.scores()).hasSize(2357);
        assertThat(report.segments().stream()
                        .mapToInt(RfmReport.SegmentTotals::customers)
                        .sum())
                .isEqualTo(2357);
        assertThat(report.segments().stream()
                        .map(RfmReport.SegmentTotals::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(
                        customers.stream().map(CustomerSummary::totalSpend).reduce(BigDecimal.ZERO, BigDecimal::add));
        RfmScore best = report.scores().stream()
                .filter(s -> s.segment().equals("champions"))
                .findFirst()
                .orElseThrow();
        assertThat(best.recencyScore()).isEqualTo(5);
        assertThat(best.frequencyScore()).isGreaterThanOrEqualTo(4);
        assertThat(report.scores().stream().map(RfmScore::segment).collect(Collectors.toSet()))
                .contains("champions", "lost", "hibernating");
    }

    @Test
    void aSegmentMapMustNameEveryCell() {
        assertThatThrownBy(() -> SegmentMap.builder(3)
                        .segment("top", 3, 3, 1, 3)
                        .segment("rest", 1, 2, 1, 2)
                        .build())
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("R=1, F=3");
        SegmentMap twoByTwo = SegmentMap.builder(2)
                .segment("active", 2, 2, 1, 2)
                .segment("gone", 1, 1, 1, 2)
                .build();
        assertThat(twoByTwo.segmentOf(2, 1)).isEqualTo("active");
    }

    @Test
    void scoringNobodyIsAnEmptyInputError() {
        assertThatThrownBy(() -> RfmAnalysis.standard().score(Collections.emptyList()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.EMPTY_INPUT));
    }
}
