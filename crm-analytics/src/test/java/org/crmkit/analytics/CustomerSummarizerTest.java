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

    @Test
    void sumsHaveTheValueAndScaleOfBigDecimalAdditionAlsoBeyondWhatALongHolds() {
        CustomerSummarizer summarizer = Analytics.summarizer(JAN_1.plusDays(9), PeriodUnit.DAYS)
                .add(purchase("small", JAN_1, "10"))
                .add(purchase("small", JAN_1, "5.5"))
                .add(purchase("small", JAN_1.plusDays(1), "0.125"))
                .add(purchase("small", JAN_1.plusDays(2), "1E+3"))
                .add(purchase("small", JAN_1.plusDays(10), "0.000000000001"))
                .add(purchase("large", JAN_1, "999999999999999999"))
                .add(purchase("large", JAN_1, "999999999999999999.999999999999"))
                .add(purchase("large", JAN_1.plusDays(3), "0.5"))
                .add(purchase("large", JAN_1.plusDays(11), "999999999999999999"))
                .add(purchase("large", JAN_1.plusDays(12), "999999999999999999"))
                .add(purchase("rescaled", JAN_1, "90000000000000000"))
                .add(purchase("rescaled", JAN_1.plusDays(1), "0.001"));

        CustomerSummary small = summarizer.summaries().get(0);
        assertThat(small.totalSpend()).isEqualTo(SummarizedFileTest.sum("10", "5.5", "0.125", "1E+3"));
        assertThat(small.monetaryValue())
                .isEqualTo(SummarizedFileTest.sum("0.125", "1E+3").divide(BigDecimal.valueOf(2), Money.CONTEXT));
        assertThat(small.holdoutSpend()).isEqualTo(new BigDecimal("0.000000000001"));
        CustomerSummary large = summarizer.summaries().get(1);
        assertThat(large.totalSpend())
                .isEqualTo(SummarizedFileTest.sum("999999999999999999", "999999999999999999.999999999999", "0.5"));
        assertThat(large.monetaryValue())
                .isEqualTo(large.totalSpend()
                        .subtract(SummarizedFileTest.sum("999999999999999999", "999999999999999999.999999999999"))
                        .divide(BigDecimal.ONE, Money.CONTEXT));
        assertThat(large.holdoutSpend()).isEqualTo(new BigDecimal("1999999999999999998"));
        assertThat(summarizer.summaries().get(2).totalSpend())
                .isEqualTo(SummarizedFileTest.sum("90000000000000000", "0.001"));
        assertThat(Analytics.summarizer(JAN_1.plusDays(9), PeriodUnit.DAYS)
                        .merge(summarizer)
                        .summaries())
                .isEqualTo(summarizer.summaries());
    }

    @Test
    void theMeanRepeatSpendIsBigDecimalsQuotientToTheLastDigitAndScale() {
        java.util.Random random = new java.util.Random(7);
        CustomerSummarizer summarizer = Analytics.summarizer(JAN_1.plusDays(100), PeriodUnit.DAYS);
        List<BigDecimal> expected = new java.util.ArrayList<>();
        for (int customer = 0; customer < 5_000; customer++) {
            int days = 2 + random.nextInt(7);
            BigDecimal firstDay = BigDecimal.ZERO;
            BigDecimal total = BigDecimal.ZERO;
            for (int day = 0; day < days; day++) {
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4))
                        .multiply(BigDecimal.valueOf(random.nextInt(3) == 0 ? days - 1 : 1));
                summarizer.add(PurchaseRecord.of("c" + customer, JAN_1.plusDays(day), amount));
                firstDay = day == 0 ? firstDay.add(amount) : firstDay;
                total = total.add(amount);
            }
            expected.add(total.subtract(firstDay).divide(BigDecimal.valueOf(days - 1), Money.CONTEXT));
        }

        assertThat(summarizer.summaries())
                .extracting(CustomerSummary::monetaryValue)
                .isEqualTo(expected);
    }

    @Test
    void customerIdsOfAnyTextStayApartAndComeBackAsTheyWere() {
        List<String> ids = List.of(
                "c1", "C1", "c1 ", "é", "e\u0301", "日本", "\uD800", "\uDC00", "\uD83D\uDE00", "ÿ", "\u00FF\u00FF");
        CustomerSummarizer summarizer = Analytics.summarizer(JAN_1, PeriodUnit.DAYS);
        for (String id : ids) {
            summarizer.add(purchase(id, JAN_1, "1")).add(purchase(id, JAN_1, "2"));
        }

        assertThat(summarizer.summaries())
                .extracting(CustomerSummary::customerId)
                .isEqualTo(ids);
        assertThat(summarizer.summaries())
                .allSatisfy(s -> assertThat(s.totalSpend()).isEqualTo(new BigDecimal("3")));
        assertThat(Analytics.summarizer(JAN_1, PeriodUnit.DAYS)
                        .merge(summarizer)
                        .summaries())
                .isEqualTo(summarizer.summaries());
    }

    @Test
    void manyInterleavedCustomersKeepTheOrderOfTheirFirstPurchase() {
        CustomerSummarizer summarizer = Analytics.summarizer(JAN_1.plusDays(5), PeriodUnit.DAYS);
        int customers = 100_000;
        for (int day = 0; day < 3; day++) {
            for (int i = 0; i < customers; i++) {
                summarizer.add(purchase("k" + (i * 7919 % customers), JAN_1.plusDays(day), "1.5"));
            }
        }

        List<CustomerSummary> summaries = summarizer.summaries();
        assertThat(summaries).hasSize(customers);
        for (int i = 0; i < customers; i++) {
            assertThat(summaries.get(i).customerId()).isEqualTo("k" + (i * 7919 % customers));
            assertThat(summaries.get(i).purchases()).isEqualTo(3);
            assertThat(summaries.get(i).totalSpend()).isEqualTo(new BigDecimal("4.5"));
        }
        assertThat(summarizer.recordCount()).isEqualTo(3L * customers);
    }

    static PurchaseRecord purchase(String customer, LocalDate date, String amount) {
        return PurchaseRecord.of(customer, date, new BigDecimal(amount));
    }
}
