package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionedSummaryTest {

    @Test
    void summarizingPartitionsByCustomerHashAndMergingEqualsOnePass() {
        CustomerSummarizer single =
                Analytics.summarizer(CdnowData.CALIBRATION_END, CdnowData.OBSERVATION_END, PeriodUnit.WEEKS);
        List<CustomerSummarizer> partitions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            partitions.add(
                    Analytics.summarizer(CdnowData.CALIBRATION_END, CdnowData.OBSERVATION_END, PeriodUnit.WEEKS));
        }
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), r -> {
            single.add(r);
            partitions.get(Math.floorMod(r.customerId().hashCode(), 4)).add(r);
        });

        CustomerSummarizer leftFirst = partitions
                .get(0)
                .merge(partitions.get(1))
                .merge(partitions.get(2))
                .merge(partitions.get(3));

        assertThat(leftFirst.summaries()).hasSize(2357);
        assertThat(sorted(leftFirst.summaries())).isEqualTo(sorted(single.summaries()));
        assertThat(leftFirst.recordCount()).isEqualTo(single.recordCount());
    }

    @Test
    void mergeIsAssociative() {
        LocalDate end = LocalDate.of(2024, 6, 30);
        CustomerSummarizer a = Analytics.summarizer(end, PeriodUnit.DAYS)
                .add(PurchaseRecord.of("a", LocalDate.of(2024, 1, 1), BigDecimal.TEN));
        CustomerSummarizer b = Analytics.summarizer(end, PeriodUnit.DAYS)
                .add(PurchaseRecord.of("b", LocalDate.of(2024, 2, 1), BigDecimal.ONE))
                .add(PurchaseRecord.of("b", LocalDate.of(2024, 3, 1), BigDecimal.ONE));
        CustomerSummarizer c = Analytics.summarizer(end, PeriodUnit.DAYS)
                .add(PurchaseRecord.of("c", LocalDate.of(2024, 4, 1), BigDecimal.TEN));

        List<CustomerSummary> leftGrouped = copy(a).merge(b).merge(c).summaries();
        List<CustomerSummary> rightGrouped = copy(a).merge(copy(b).merge(c)).summaries();

        assertThat(leftGrouped).isEqualTo(rightGrouped);
        assertThat(b.summaries()).hasSize(1);
    }

    @Test
    void aCustomerInTwoPartitionsOrAnotherPeriodIsRefused() {
        LocalDate end = LocalDate.of(2024, 6, 30);
        CustomerSummarizer a = Analytics.summarizer(end, PeriodUnit.DAYS)
                .add(PurchaseRecord.of("a", LocalDate.of(2024, 1, 1), BigDecimal.TEN));
        CustomerSummarizer alsoA = Analytics.summarizer(end, PeriodUnit.DAYS)
                .add(PurchaseRecord.of("a", LocalDate.of(2024, 2, 1), BigDecimal.TEN));

        assertThatThrownBy(() -> a.merge(alsoA))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("both partitions");
        assertThatThrownBy(() -> a.merge(Analytics.summarizer(end, PeriodUnit.WEEKS)))
                .isInstanceOf(AnalyticsException.class);
    }

    private static CustomerSummarizer copy(CustomerSummarizer s) {
        return Analytics.summarizer(LocalDate.of(2024, 6, 30), PeriodUnit.DAYS).merge(s);
    }

    private static List<CustomerSummary> sorted(List<CustomerSummary> summaries) {
        return summaries.stream()
                .sorted(Comparator.comparing(CustomerSummary::customerId))
                .toList();
    }
}
