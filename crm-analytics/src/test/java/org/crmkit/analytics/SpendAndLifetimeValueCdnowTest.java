package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gamma-Gamma and lifetime value on the CDNOW sample against the published figures. */
class SpendAndLifetimeValueCdnowTest {

    private static List<CdnowData.SummaryRow> rows;
    private static GammaGammaModel spend;

    @BeforeAll
    static void fit() {
        rows = CdnowData.publishedSummary();
        spend = GammaGammaModel.fit(
                rows.stream().map(r -> new SpendHistory(r.x(), r.zbar())).toList(), FitOptions.defaults());
    }

    @Test
    void gammaGammaReproducesThePublishedParametersOnTheRepeaters() {
        Map<String, Double> p = spend.parameters();
        System.out.printf(
                "Gamma-Gamma on CDNOW sample: %s LL=%.4f SE=%s%n",
                p,
                spend.estimation().orElseThrow().logLikelihood(),
                spend.estimation().orElseThrow().standardErrors());

        assertThat(p.get("p")).isCloseTo(6.2488, PurchaseModelCdnowTest.withinRelative(1e-3));
        assertThat(p.get("q")).isCloseTo(3.7446, PurchaseModelCdnowTest.withinRelative(1e-3));
        assertThat(p.get("gamma")).isCloseTo(15.448, PurchaseModelCdnowTest.withinRelative(1e-3));
        assertThat(spend.estimation().orElseThrow().customers()).isEqualTo(946);
        assertThat(spend.estimation().orElseThrow().logLikelihood()).isCloseTo(-4055.92, offset(0.01));
    }

    @Test
    void conditionalExpectedSpendMatchesThePublishedFigures() {
        assertThat(spend.expectedSpend(new SpendHistory(2, 22.35))).isCloseTo(24.658619, offset(1e-3));
        assertThat(spend.expectedSpend(new SpendHistory(1, 11.77))).isCloseTo(18.911489, offset(1e-3));
        assertThat(spend.expectedSpend(new SpendHistory(0, 0))).isCloseTo(35.170981, offset(1e-3));
        assertThat(spend.expectedSpend(new SpendHistory(7, 73.74))).isCloseTo(71.462843, offset(1e-3));
        double mean = rows.stream()
                .mapToDouble(r -> spend.expectedSpend(new SpendHistory(r.x(), r.zbar())))
                .average()
                .orElseThrow();
        assertThat(mean).isCloseTo(35.2529588256, offset(1e-3));
    }

    @Test
    void lifetimeValueMatchesThePublishedTwelveMonthFigures() {
        BgNbdModel purchases = BgNbdModel.fit(CdnowData.publishedHistories(), FitOptions.defaults());
        // the published figures count 30 model periods to a month (lifetimes' default for daily data)
        LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, 30.0);

        assertThat(clv.estimate(PurchaseHistory.of(2, 30.43, 38.86), new SpendHistory(2, 22.35)))
                .isCloseTo(140.096211, offset(0.01));
        assertThat(clv.estimate(PurchaseHistory.of(1, 1.71, 38.86), new SpendHistory(1, 11.77)))
                .isCloseTo(18.943467, offset(0.01));
        assertThat(clv.estimate(PurchaseHistory.of(0, 0, 38.86), new SpendHistory(0, 0)))
                .isCloseTo(38.180574, offset(0.01));
        assertThat(clv.estimate(PurchaseHistory.of(7, 29.43, 38.86), new SpendHistory(7, 73.74)))
                .isCloseTo(1003.868107, offset(0.05));
    }

    @Test
    void valuingAllCustomersAtOnceGivesEachCustomersOwnEstimate() {
        BgNbdModel purchases = BgNbdModel.fit(CdnowData.publishedHistories(), FitOptions.defaults());
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();
        LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS);

        double[] all = clv.estimates(customers);

        assertThat(all).hasSize(customers.size());
        for (int i = 0; i < customers.size(); i += 97) {
            CustomerSummary c = customers.get(i);
            double oneByOne = 0;
            double previous = 0;
            for (int month = 1; month <= 12; month++) {
                double cumulative =
                        purchases.expectedPurchases(c.history(), month * PeriodUnit.WEEKS.periodsPerMonth());
                oneByOne += (cumulative - previous) / Math.pow(1.01, month);
                previous = cumulative;
            }
            assertThat(all[i]).isCloseTo(spend.expectedSpend(SpendHistory.of(c)) * oneByOne, offset(1e-9));
        }
    }

    @Test
    void everyCustomersExpectedPurchasesOverTheHorizonAreEachCustomersOwn() {
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();
        List<PurchaseHistory> histories =
                customers.stream().map(CustomerSummary::history).toList();
        double horizon = 12 * PeriodUnit.WEEKS.periodsPerMonth();
        // BG/NBD from a table per (x, T), Pareto/NBD customer by customer
        for (PurchaseModel purchases : List.<PurchaseModel>of(
                BgNbdModel.fit(histories, FitOptions.defaults()),
                ParetoNbdModel.fit(histories, FitOptions.defaults()))) {
            double[] all = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS)
                    .expectedPurchases(customers);

            assertThat(all).hasSize(customers.size());
            for (int i = 0; i < customers.size(); i++) {
                double oneByOne = purchases.expectedPurchases(histories.get(i), horizon);
                assertThat(all[i]).as("customer %d", i).isCloseTo(oneByOne, offset(1e-12 * Math.max(1, oneByOne)));
            }
        }
    }

    @Test
    void valuesExpectedPurchasesAndProbabilitiesAliveFromOnePassAreThoseOfEachApart() {
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        List<CustomerSummary> customers = summarizer.summaries();
        List<PurchaseHistory> histories =
                customers.stream().map(CustomerSummary::history).toList();
        for (PurchaseModel purchases : List.<PurchaseModel>of(
                BgNbdModel.fit(histories, FitOptions.defaults()),
                ParetoNbdModel.fit(histories, FitOptions.defaults()))) {
            LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS);
            double[] values = new double[customers.size()];
            double[] expected = new double[customers.size()];

            clv.estimates(customers, values, expected);

            assertThat(values).containsExactly(clv.estimates(customers));
            assertThat(expected).containsExactly(clv.expectedPurchases(customers));
            assertThatThrownBy(() -> clv.estimates(customers, values, new double[1]))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessageContaining("expectedPurchases");

            double[] alive = new double[customers.size()];
            clv.estimates(customers, values, null, alive);

            assertThat(values).containsExactly(clv.estimates(customers));
            assertThat(alive)
                    .containsExactly(histories.stream()
                            .mapToDouble(purchases::probabilityAlive)
                            .toArray());
            assertThat(alive).contains(1.0);
            assertThat(java.util.Arrays.stream(alive).min().orElseThrow()).isLessThan(0.5);
            assertThatThrownBy(() -> clv.estimates(customers, null, null, new double[1]))
                    .isInstanceOf(AnalyticsException.class)
                    .hasMessageContaining("probabilityAlive");
        }
    }

    @Test
    void aNegativeMeanSpendIsRefusedByTheValuesOfAllCustomersAsByItsSpendHistory() {
        BgNbdModel purchases = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258);
        LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS);
        LocalDate first = LocalDate.of(1997, 1, 1);
        CustomerSummary refund = summary("refund", new BigDecimal("-5.00"));
        // three customers of one age and frequencies 0 and 1: the table of (x, T) is smaller than the list
        List<CustomerSummary> customers = List.of(
                summary("a", new BigDecimal("12.50")),
                new CustomerSummary(
                        "b",
                        first,
                        first,
                        1,
                        new PurchaseHistory(0, 0, 39),
                        BigDecimal.TEN,
                        BigDecimal.ZERO,
                        273,
                        0,
                        BigDecimal.ZERO),
                refund);

        assertThatThrownBy(() -> SpendHistory.of(refund))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("monetaryValue")
                .hasMessageContaining("must be finite and not negative, was -5.0");
        assertThatThrownBy(() -> clv.estimates(customers))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("monetaryValue")
                .hasMessageContaining("must be finite and not negative, was -5.0");
        assertThat(clv.estimates(customers.subList(0, 2)))
                .containsExactly(
                        clv.estimate(customers.get(0).history(), SpendHistory.of(customers.get(0))),
                        clv.estimate(customers.get(1).history(), SpendHistory.of(customers.get(1))));
    }

    /** A customer of two purchase days, the second two weeks after the first, with this mean repeat spend. */
    private static CustomerSummary summary(String id, BigDecimal meanRepeatSpend) {
        LocalDate first = LocalDate.of(1997, 1, 1);
        return new CustomerSummary(
                id,
                first,
                first.plusWeeks(2),
                2,
                new PurchaseHistory(1, 2, 39),
                BigDecimal.TEN.add(meanRepeatSpend),
                meanRepeatSpend,
                259,
                0,
                BigDecimal.ZERO);
    }

    @Test
    void customersSharingFrequencyAndAgeShareTheirDiscountedPurchasesButNotTheirRecency() {
        BgNbdModel purchases = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258);
        CustomerSummarizer summarizer = Analytics.summarizer(LocalDate.of(2024, 6, 30), PeriodUnit.WEEKS);
        for (int c = 0; c < 600; c++) {
            LocalDate first = LocalDate.of(2024, 1, 1).plusDays(7L * (c % 6));
            int repeats = c % 4;
            summarizer.add(PurchaseRecord.of("c" + c, first, new BigDecimal("20.00")));
            for (int k = 1; k <= repeats; k++) {
                summarizer.add(
                        PurchaseRecord.of("c" + c, first.plusDays(k * (3L + c % 11)), BigDecimal.valueOf(10 + c % 7)));
            }
        }
        List<CustomerSummary> customers = summarizer.summaries();
        LifetimeValue clv = LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS);

        double[] all = clv.estimates(customers);

        for (int i = 0; i < customers.size(); i++) {
            CustomerSummary c = customers.get(i);
            double own = clv.estimate(c.history(), SpendHistory.of(c));
            assertThat(all[i]).as(c.customerId()).isPositive().isCloseTo(own, offset(1e-12 * own));
        }
        assertThat(all[1]).isNotEqualTo(all[1 + 12]);
    }

    @Test
    void discountingLowersValueAndALongerHorizonRaisesIt() {
        BgNbdModel purchases = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4258);
        PurchaseHistory history = PurchaseHistory.of(2, 30.43, 38.86);
        SpendHistory money = new SpendHistory(2, 22.35);

        double undiscounted =
                LifetimeValue.of(purchases, spend, 12, 0, PeriodUnit.WEEKS).estimate(history, money);
        double discounted =
                LifetimeValue.of(purchases, spend, 12, 0.01, PeriodUnit.WEEKS).estimate(history, money);
        double twoYears =
                LifetimeValue.of(purchases, spend, 24, 0.01, PeriodUnit.WEEKS).estimate(history, money);

        assertThat(undiscounted)
                .isCloseTo(
                        spend.expectedSpend(money)
                                * purchases.expectedPurchases(history, 12 * PeriodUnit.WEEKS.periodsPerMonth()),
                        offset(1e-9));
        assertThat(discounted).isLessThan(undiscounted);
        assertThat(twoYears).isGreaterThan(discounted);
    }
}
