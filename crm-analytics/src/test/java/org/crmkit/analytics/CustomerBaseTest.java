package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cohorts, churn risk, the whale curve and sales forecasts. */
class CustomerBaseTest {

    private static PurchaseRecord buy(String customer, String date, String amount) {
        return PurchaseRecord.of(customer, LocalDate.parse(date), new BigDecimal(amount));
    }

    @Test
    void cohortsCountActiveCustomersAndRevenueByMonthsSinceAcquisition() {
        CohortRetention cohorts = Analytics.cohorts()
                .add(buy("ann", "2024-01-05", "10"))
                .add(buy("bob", "2024-01-20", "20"))
                .add(buy("ann", "2024-01-25", "5"))
                .add(buy("ann", "2024-02-02", "7"))
                .add(buy("cid", "2024-02-10", "30"))
                .add(buy("bob", "2024-03-01", "8"))
                .add(buy("bob", "2024-03-02", "2"));

        List<CohortRetention.Cohort> result = cohorts.cohorts();

        assertThat(result)
                .extracting(CohortRetention.Cohort::acquired)
                .containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        CohortRetention.Cohort january = result.get(0);
        assertThat(january.customers()).isEqualTo(2);
        assertThat(january.months())
                .extracting(CohortRetention.CohortMonth::activeCustomers)
                .containsExactly(2, 1, 1);
        assertThat(january.months())
                .extracting(CohortRetention.CohortMonth::retention)
                .containsExactly(1.0, 0.5, 0.5);
        assertThat(january.months().get(0).revenue()).isEqualByComparingTo("35");
        assertThat(january.months().get(2).revenue()).isEqualByComparingTo("10");
        assertThat(result.get(1).months())
                .singleElement()
                .satisfies(m -> assertThat(m.revenue()).isEqualByComparingTo("30"));
    }

    @Test
    void cohortsRefuseACustomersPurchasesOutOfDateOrder() {
        CohortRetention cohorts = Analytics.cohorts().add(buy("ann", "2024-02-05", "10"));

        assertThatThrownBy(() -> cohorts.add(buy("ann", "2024-01-05", "10")))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.MALFORMED_INPUT));
    }

    @Test
    void lapsedBigSpendersLeadTheChurnRiskRanking() {
        CustomerSummarizer summarizer = Analytics.summarizer(LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();
        BgNbdModel model = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

        List<ChurnRisk.CustomerRisk> ranking = ChurnRisk.of(model).rank(customers);

        assertThat(ranking).hasSize(customers.size());
        assertThat(ranking)
                .extracting(ChurnRisk.CustomerRisk::valueAtRisk)
                .isSortedAccordingTo((x, y) -> Double.compare(y, x));
        ChurnRisk.CustomerRisk top = ranking.get(0);
        assertThat(top.probabilityAlive()).isLessThan(0.5);
        assertThat(top.valueAtRisk())
                .isCloseTo((1 - top.probabilityAlive()) * top.value().doubleValue(), offset(1e-9));
        assertThat(ranking.get(ranking.size() - 1).valueAtRisk()).isZero();
    }

    @Test
    void theWhaleCurveRisesAbovePeakAndEndsAtTheTotal() {
        Profitability profitability = Profitability.of(new BigDecimal("10"), new BigDecimal("100"))
                .add(buy("whale", "2024-01-01", "300"))
                .add(buy("fish", "2024-01-01", "60"))
                .add(buy("drain", "2024-01-01", "5"))
                .addCostToServe("drain", new BigDecimal("45"));

        WhaleCurve curve = WhaleCurve.of(profitability.customers());

        assertThat(curve.points()).extracting(WhaleCurve.Point::customerId).containsExactly("whale", "fish", "drain");
        // profits 290, 50, -50: total 290
        assertThat(curve.points().get(0).cumulativeProfitShare()).isEqualTo(1.0);
        assertThat(curve.points().get(1).cumulativeProfitShare()).isCloseTo(340.0 / 290, offset(1e-12));
        assertThat(curve.points().get(2).cumulativeProfitShare()).isEqualTo(1.0);
        assertThat(curve.peak().customerId()).isEqualTo("fish");
        assertThat(curve.profitShareOfTop(0.33)).isEqualByComparingTo("1.0000");
        assertThat(curve.profitShareOfTop(0.6)).isEqualByComparingTo("1.1724");
        assertThatThrownBy(() -> WhaleCurve.of(List.of()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA));
    }

    @Test
    void modelForecastOfTheCdnowHoldoutIsWithinAFifthOfWhatCustomersActuallySpent() {
        CustomerSummarizer summarizer =
                Analytics.summarizer(CdnowData.CALIBRATION_END, CdnowData.OBSERVATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();
        BgNbdModel purchases =
                BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        GammaGammaModel spend =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());

        double forecast = SalesForecast.expectedRevenue(purchases, spend, customers, 39);
        double actual = customers.stream()
                .mapToDouble(c -> c.holdoutSpend().doubleValue())
                .sum();

        assertThat(forecast).isCloseTo(actual, org.assertj.core.api.Assertions.withinPercentage(20));
        double[] monthly = SalesForecast.expectedMonthlyRevenue(purchases, spend, customers, 9, PeriodUnit.WEEKS);
        assertThat(monthly).hasSize(9);
        assertThat(java.util.Arrays.stream(monthly).sum())
                .isCloseTo(
                        SalesForecast.expectedRevenue(
                                purchases, spend, customers, 9 * PeriodUnit.WEEKS.periodsPerMonth()),
                        org.assertj.core.api.Assertions.within(1e-6));
        for (int i = 1; i < monthly.length; i++) {
            assertThat(monthly[i])
                    .as("month %d buys less than the one before as customers drop out", i + 1)
                    .isLessThan(monthly[i - 1]);
        }
    }

    @Test
    void seasonalNaiveRepeatsTheSameMonthOfTheLastYear() {
        SortedMap<YearMonth, BigDecimal> history = SalesForecast.monthlyRevenue(Stream.of(
                buy("a", "2023-01-10", "100"),
                buy("b", "2023-01-11", "20"),
                buy("a", "2023-06-01", "50"),
                buy("a", "2023-12-24", "300"),
                buy("c", "2024-01-03", "130")));

        Map<YearMonth, BigDecimal> forecast = SalesForecast.seasonalNaive(history, 14);

        assertThat(forecast).hasSize(14);
        assertThat(forecast.get(YearMonth.of(2024, 2))).isEqualByComparingTo("0");
        assertThat(forecast.get(YearMonth.of(2024, 6))).isEqualByComparingTo("50");
        assertThat(forecast.get(YearMonth.of(2024, 12))).isEqualByComparingTo("300");
        assertThat(forecast.get(YearMonth.of(2025, 1))).isEqualByComparingTo("130");
        assertThat(forecast.get(YearMonth.of(2025, 3))).isEqualByComparingTo("0");
        assertThatThrownBy(() ->
                        SalesForecast.seasonalNaive(new TreeMap<>(Map.of(YearMonth.of(2024, 1), BigDecimal.ONE)), 3))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("12 months");
    }
}
