package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fits on purchases simulated from the models' own generative process recover the parameters used to simulate.
 *
 * <p>The simulation rounds purchase times to days and the summarizer merges same-day purchases, so the fitted
 * purchase rate of the fastest buyers is a little low; across seeds the estimates land within about 10% of the truth
 * (and the well-identified combinations, the mean purchase rate r / alpha and the mean spend p gamma / (q - 1),
 * closer), which is what the tolerances below allow.
 */
class ParameterRecoveryTest {

    private static final BgNbdModel TRUE_PURCHASES = BgNbdModel.of(0.25, 30, 0.8, 2.5);
    private static final GammaGammaModel TRUE_SPEND = GammaGammaModel.of(6, 4, 15);
    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 12, 31);

    private static List<CustomerSummary> customers;

    @BeforeAll
    static void simulateFortyThousandCustomers() {
        SyntheticPurchases simulation = SyntheticPurchases.of(
                TRUE_PURCHASES,
                TRUE_SPEND,
                PeriodUnit.DAYS,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31),
                CALIBRATION_END,
                7L);
        CustomerSummarizer summarizer = Analytics.summarizer(CALIBRATION_END, PeriodUnit.DAYS);
        simulation.purchases(40_000).forEach(summarizer::add);
        customers = summarizer.summaries();
    }

    @Test
    void bgNbdFitRecoversTheSimulatedParameters() {
        BgNbdModel fitted =
                BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());

        assertRecovered(fitted.parameters(), fitted.estimation().orElseThrow(), TRUE_PURCHASES.parameters());
        Map<String, Double> p = fitted.parameters();
        assertThat(p.get("r") / p.get("alpha")).as("mean purchase rate").isCloseTo(0.25 / 30, withinPercentage(7));
    }

    @Test
    void gammaGammaFitRecoversTheSimulatedParameters() {
        GammaGammaModel fitted =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());

        assertRecovered(fitted.parameters(), fitted.estimation().orElseThrow(), TRUE_SPEND.parameters());
        Map<String, Double> p = fitted.parameters();
        assertThat(p.get("p") * p.get("gamma") / (p.get("q") - 1))
                .as("mean spend")
                .isCloseTo(6.0 * 15 / 3, withinPercentage(3));
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
        SyntheticPurchases one = SyntheticPurchases.of(
                TRUE_PURCHASES,
                TRUE_SPEND,
                PeriodUnit.DAYS,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31),
                CALIBRATION_END,
                1L);
        SyntheticPurchases again = SyntheticPurchases.of(
                TRUE_PURCHASES,
                TRUE_SPEND,
                PeriodUnit.DAYS,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31),
                CALIBRATION_END,
                1L);
        SyntheticPurchases other = SyntheticPurchases.of(
                TRUE_PURCHASES,
                TRUE_SPEND,
                PeriodUnit.DAYS,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 31),
                CALIBRATION_END,
                2L);

        List<PurchaseRecord> first = one.purchases(500).toList();
        assertThat(again.purchases(500).toList()).isEqualTo(first);
        assertThat(one.purchases(500).toList()).isEqualTo(first);
        assertThat(other.purchases(500).toList()).isNotEqualTo(first);
        assertThat(first).allSatisfy(p -> assertThat(p.date()).isBetween(LocalDate.of(2024, 1, 1), CALIBRATION_END));
    }

    private static void assertRecovered(Map<String, Double> fitted, ModelFit fit, Map<String, Double> truth) {
        System.out.printf("recovered %s (SE %s) from %s%n", fitted, fit.standardErrors(), truth);
        truth.forEach((name, value) -> {
            assertThat(fitted.get(name)).as(name).isCloseTo(value, withinPercentage(12));
            assertThat(fit.standardErrors().get(name))
                    .as("standard error of " + name)
                    .isLessThan(0.1 * value);
        });
    }
}
