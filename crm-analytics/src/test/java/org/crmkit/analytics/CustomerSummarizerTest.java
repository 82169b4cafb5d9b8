package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerSummarizerTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void cdnowSampleReproducesThePublishedCalibrationSummaryRowByRow() {
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        Map<Integer, CustomerSummary> ours = summarizer.summaries().stream()
                .collect(Collectors.toMap(s -> Integer.parseInt(s.customerId()), Function.identity()));

        List<CdnowData.SummaryRow> published = CdnowData.publishedSummary();
        assertThat(ours).hasSize(published.size()).hasSize(2357);
        for (CdnowData.SummaryRow row : published) {
            CustomerSummary s = ours.get(Integer.parseInt(row.id()));
            assertThat(s).as("customer %s", row.id()).isNotNull();
            assertThat(s.frequency()).as("x of %s", row.id()).isEqualTo(row.x());
            assertThat(s.history().recency()).as("t_x of %s", row.id()).isCloseTo(row.tx(), within(0.0051));
            assertThat(s.history().age()).as("T of %s", row.id()).isCloseTo(row.t(), within(0.0051));
            assertThat(s.monetaryValue().doubleValue())
                    .as("zbar of %s", row.id())
                    .isCloseTo(row.zbar(), within(0.0051));
        }
        assertThat(ours.values().stream().filter(s -> s.frequency() == 0)).hasSize(1411);
    }

    @Test
    void sameDayPurchasesMergeIntoOnePurchaseWhoseAmountIsTheDayTotal() {
        List<CustomerSummary> summaries = Analytics.summarizer(JAN_1.plusDays(20), PeriodUnit.DAYS)
                .add(purchase("c1", JAN_1, "10.00"))
                .add(purchase("c1", JAN_1, "5.00"))
                .add(purchase("c1", JAN_1.plusDays(7), "4.00"))
                .add(purchase("c1", JAN_1.plusDays(7), "6.00"))
                .add(purchase("c1", JAN_1.plusDays(14), "30.00"))
                .summaries();

        CustomerSummary c1 = summaries.get(0);
        assertThat(c1.purchases()).isEqualTo(3);
        assertThat(c1.history()).isEqualTo(PurchaseHistory.of(2, 14, 20));
        assertThat(c1.totalSpend()).isEqualByComparingTo("55.00");
        assertThat(c1.monetaryValue()).isEqualByComparingTo("20.00");
        assertThat(c1.daysSinceLastPurchase()).isEqualTo(6);
    }

    @Test
    void purchasesAfterCalibrationCountAsHoldoutAndNewCustomersThereAreLeftOut() {
        List<CustomerSummary> summaries = Analytics.summarizer(JAN_1.plusDays(9), JAN_1.plusDays(30), PeriodUnit.WEEKS)
                .add(purchase("c1", JAN_1, "10"))
                .add(purchase("late", JAN_1.plusDays(12), "99"))
                .add(purchase("c1", JAN_1.plusDays(12), "3"))
                .add(purchase("c1", JAN_1.plusDays(12), "4"))
                .add(purchase("c1", JAN_1.plusDays(20), "5"))
                .add(purchase("c1", JAN_1.plusDays(31), "1000"))
                .summaries();

        assertThat(summaries).extracting(CustomerSummary::customerId).containsExactly("c1");
        CustomerSummary c1 = summaries.get(0);
        assertThat(c1.frequency()).isZero();
        assertThat(c1.history().age()).isCloseTo(9 / 7.0, within(1e-12));
        assertThat(c1.monetaryValue()).isEqualByComparingTo("0");
        assertThat(c1.holdoutPurchases()).isEqualTo(2);
        assertThat(c1.holdoutSpend()).isEqualByComparingTo("12");
    }

    @Test
    void aPurchaseOlderThanOneAlreadySeenForTheCustomerIsRefusedByName() {
        CustomerSummarizer summarizer =
                Analytics.summarizer(JAN_1.plusDays(30), PeriodUnit.DAYS).add(purchase("c1", JAN_1.plusDays(5), "1"));

        assertThatThrownBy(() -> summarizer.add(purchase("c1", JAN_1, "1")))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT);
                    assertThat(e.field()).isEqualTo("date");
                })
                .hasMessageContaining("customer c1")
                .hasMessageContaining("2024-01-01");
    }

    @Test
    void aSummaryWithoutCalibrationPurchasesIsAnEmptyInputError() {
        CustomerSummarizer summarizer =
                Analytics.summarizer(JAN_1, PeriodUnit.DAYS).add(purchase("c1", JAN_1.plusDays(1), "1"));

        assertThatThrownBy(summarizer::summaries)
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.EMPTY_INPUT));
    }

    static PurchaseRecord purchase(String customer, LocalDate date, String amount) {
        return PurchaseRecord.of(customer, date, new BigDecimal(amount));
    }
}
