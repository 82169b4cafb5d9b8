package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fits to the CDNOW sample reproduce Fader, Hardie and Lee's published figures. */
class PurchaseModelCdnowTest {

    private static List<PurchaseHistory> histories;
    private static BgNbdModel bgNbd;
    private static long bgNbdMillis;

    @BeforeAll
    static void fitBgNbd() {
        histories = CdnowData.publishedHistories();
        long start = System.nanoTime();
        bgNbd = BgNbdModel.fit(histories, FitOptions.defaults());
        bgNbdMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void bgNbdReproducesThePublishedParametersAndLogLikelihood() {
        Map<String, Double> p = bgNbd.parameters();
        System.out.printf(
                "BG/NBD on CDNOW sample: %s LL=%.4f SE=%s in %d ms (%d evaluations)%n",
                p,
                bgNbd.estimation().orElseThrow().logLikelihood(),
                bgNbd.estimation().orElseThrow().standardErrors(),
                bgNbdMillis,
                bgNbd.estimation().orElseThrow().evaluations());

        assertThat(p.get("r")).isCloseTo(0.242593, withinRelative(1e-3));
        assertThat(p.get("alpha")).isCloseTo(4.413532, withinRelative(1e-3));
        assertThat(p.get("a")).isCloseTo(0.792886, withinRelative(1e-3));
        assertThat(p.get("b")).isCloseTo(2.425754, withinRelative(1e-3));
        assertThat(bgNbd.estimation().orElseThrow().logLikelihood()).isCloseTo(-9582.43, within(0.01));
        assertThat(bgNbd.estimation().orElseThrow().customers()).isEqualTo(2357);
    }

    @Test
    void bgNbdStandardErrorsArePositiveAndSmallerThanTheEstimates() {
        Map<String, Double> errors = bgNbd.estimation().orElseThrow().standardErrors();

        assertThat(errors).containsOnlyKeys("r", "alpha", "a", "b");
        errors.forEach((name, error) -> assertThat(error)
                .as(name)
                .isPositive()
                .isLessThan(bgNbd.parameters().get(name)));
    }

    @Test
    void bgNbdExpectationsMatchHardiesSpreadsheetToItsFourDigitsWithinRounding() {
        double[] times = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < times.length; i++) {
            assertThat(bgNbd.expectedPurchases(times[i]))
                    .as("E[X(%s)]", times[i])
                    .isCloseTo(expected[i], offset(5e-4));
        }
        assertThat(bgNbd.expectedPurchases(PurchaseHistory.of(2, 30.43, 38.86), 39))
                .isCloseTo(1.226, offset(1e-3));
    }

    @Test
    void bgNbdPurchaseCountDistributionSumsToOneWithTheExpectedMean() {
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 400; n++) {
            double probability = bgNbd.probabilityOfPurchases(n, 39);
            total += probability;
            mean += n * probability;
        }
        assertThat(total).isCloseTo(1.0, offset(1e-9));
        assertThat(mean).isCloseTo(bgNbd.expectedPurchases(39), offset(1e-6));
    }

    @Test
    void bgNbdProbabilityAliveFallsWithTimeSinceTheLastPurchase() {
        assertThat(bgNbd.probabilityAlive(PurchaseHistory.of(0, 0, 38.86))).isEqualTo(1.0);
        double recent = bgNbd.probabilityAlive(PurchaseHistory.of(2, 38, 38.86));
        double lapsed = bgNbd.probabilityAlive(PurchaseHistory.of(2, 5, 38.86));
        assertThat(recent).isBetween(0.8, 0.81);
        assertThat(lapsed).isBetween(0.0, 0.5 * recent);
    }

    @Test
    void fittingOurOwnUnroundedSummaryGivesThePublishedDigits() {
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);

        BgNbdModel model = BgNbdModel.fit(
                summarizer.summaries().stream().map(CustomerSummary::history).toList(), FitOptions.defaults());

        assertThat(model.parameters().get("r")).isCloseTo(0.243, offset(5e-4));
        assertThat(model.parameters().get("alpha")).isCloseTo(4.414, offset(5e-3));
        assertThat(model.parameters().get("a")).isCloseTo(0.793, offset(5e-4));
        assertThat(model.parameters().get("b")).isCloseTo(2.426, offset(5e-3));
        assertThat(model.estimation().orElseThrow().logLikelihood()).isCloseTo(-9582.4, offset(0.5));
    }

    @Test
    void paretoNbdReproducesThePublishedParameters() {
        ParetoNbdModel model = ParetoNbdModel.fit(histories, FitOptions.defaults());
        System.out.printf(
                "Pareto/NBD on CDNOW sample: %s LL=%.4f%n",
                model.parameters(), model.estimation().orElseThrow().logLikelihood());

        Map<String, Double> p = model.parameters();
        assertThat(p.get("r")).isCloseTo(0.553, offset(5e-4));
        assertThat(p.get("alpha")).isCloseTo(10.578, offset(5e-3));
        assertThat(p.get("s")).isCloseTo(0.606, offset(5e-4));
        assertThat(p.get("beta")).isCloseTo(11.669, offset(5e-3));
        assertThat(model.estimation().orElseThrow().logLikelihood()).isCloseTo(-9595.0, offset(0.05));
        assertThat(model.expectedPurchases(PurchaseHistory.of(26, 30.86, 31), 52))
                .isCloseTo(25.46, offset(5e-3));
    }

    @Test
    void modifiedBgNbdReproducesTheBtydPlusParameters() {
        ModifiedBgNbdModel model = ModifiedBgNbdModel.fit(histories, FitOptions.defaults());
        System.out.printf(
                "MBG/NBD on CDNOW sample: %s LL=%.4f%n",
                model.parameters(), model.estimation().orElseThrow().logLikelihood());

        Map<String, Double> p = model.parameters();
        assertThat(p.get("r")).isCloseTo(0.525, offset(1.5e-3));
        assertThat(p.get("alpha")).isCloseTo(6.183, offset(1.5e-3));
        assertThat(p.get("a")).isCloseTo(0.891, offset(1.5e-3));
        assertThat(p.get("b")).isCloseTo(1.614, offset(1.5e-3));
        PurchaseHistory newcomer = PurchaseHistory.of(0, 0, 0);
        assertThat(model.expectedPurchases(newcomer, 39)).isCloseTo(model.expectedPurchases(39), offset(1e-9));
    }

    @Test
    void aPenalizerShrinksTheParameters() {
        BgNbdModel penalized = BgNbdModel.fit(histories, FitOptions.defaults().withPenalizer(0.1));

        double plain =
                bgNbd.parameters().values().stream().mapToDouble(v -> v * v).sum();
        double shrunk =
                penalized.parameters().values().stream().mapToDouble(v -> v * v).sum();
        assertThat(shrunk).isLessThan(plain);
        assertThat(penalized.estimation().orElseThrow().logLikelihood())
                .isLessThan(bgNbd.estimation().orElseThrow().logLikelihood());
    }

    static org.assertj.core.data.Percentage withinRelative(double fraction) {
        return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
    }
}
