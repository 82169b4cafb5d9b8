package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact derivatives the Newton fits rely on agree with central differences of the likelihood itself. */
class LikelihoodDerivativesTest {

    @Test
    void bgNbdGradientAndHessianMatchCentralDifferencesOnCdnow() {
        SmoothLogLikelihood likelihood = new BgNbdLikelihood(WeightedHistories.of(CdnowData.publishedHistories()));

        assertDerivativesMatch(likelihood, new double[] {0.3, 5.0, 0.9, 2.0});
        assertDerivativesMatch(likelihood, new double[] {0.24, 4.4, 0.79, 2.43});
    }

    @Test
    void bgNbdDerivativesHoldForFrequentBuyersWhoseDropoutTermDominates() {
        List<PurchaseHistory> histories = List.of(
                PurchaseHistory.of(0, 0, 30),
                PurchaseHistory.of(40, 5, 38),
                PurchaseHistory.of(60, 37.5, 38),
                PurchaseHistory.of(1, 0.5, 20),
                PurchaseHistory.of(3, 10, 10));
        SmoothLogLikelihood likelihood = new BgNbdLikelihood(WeightedHistories.of(histories));

        assertDerivativesMatch(likelihood, new double[] {1.5, 3.0, 0.6, 4.0});
    }

    @Test
    void modifiedBgNbdGradientAndHessianMatchCentralDifferences() {
        assertDerivativesMatch(
                new BgNbdLikelihood(WeightedHistories.of(CdnowData.publishedHistories()), true),
                new double[] {0.5, 6.0, 0.9, 1.6});
        assertDerivativesMatch(
                new BgNbdLikelihood(
                        WeightedHistories.of(List.of(
                                PurchaseHistory.of(0, 0, 30),
                                PurchaseHistory.of(40, 5, 38),
                                PurchaseHistory.of(2, 1, 9))),
                        true),
                new double[] {1.5, 3.0, 0.6, 4.0});
    }

    @Test
    void gammaGammaGradientAndHessianMatchCentralDifferencesOnCdnow() {
        List<SpendHistory> repeaters = CdnowData.publishedSummary().stream()
                .filter(r -> r.x() > 0)
                .map(r -> new SpendHistory(r.x(), r.zbar()))
                .toList();
        SmoothLogLikelihood likelihood = new GammaGammaModel.Repeaters(repeaters, null);
        SmoothLogLikelihood counted = new GammaGammaModel.Repeaters(
                repeaters, repeaters.stream().map(h -> 1L + h.frequency() % 3).toList());

        assertDerivativesMatch(likelihood, new double[] {6.0, 3.5, 16.0});
        assertDerivativesMatch(likelihood, new double[] {2.0, 8.0, 40.0});
        assertDerivativesMatch(counted, new double[] {6.0, 3.5, 16.0});
    }

    @Test
    void newtonStepsAndNelderMeadFindTheSameOptimumInFarFewerEvaluations() {
        WeightedHistories data = WeightedHistories.of(CdnowData.publishedHistories());
        BgNbdLikelihood likelihood = new BgNbdLikelihood(data);
        String[] names = {"r", "alpha", "a", "b"};
        double[] start = {1, data.meanAge(), 1, 1};

        MaximumLikelihood.Estimate newton =
                MaximumLikelihood.fit("bg-nbd", names, likelihood, data.totalWeight, start, FitOptions.defaults());
        MaximumLikelihood.Estimate simplex = MaximumLikelihood.fit(
                "bg-nbd",
                names,
                (java.util.function.ToDoubleFunction<double[]>) likelihood::value,
                data.totalWeight,
                start,
                FitOptions.defaults());

        for (int i = 0; i < names.length; i++) {
            assertThat(newton.parameters()[i])
                    .as(names[i])
                    .isCloseTo(simplex.parameters()[i], within(1e-5 * simplex.parameters()[i]));
            assertThat(newton.standardErrors().get(names[i]))
                    .as("standard error of " + names[i])
                    .isCloseTo(
                            simplex.standardErrors().get(names[i]),
                            within(1e-3 * simplex.standardErrors().get(names[i])));
        }
        assertThat(newton.logLikelihood()).isGreaterThanOrEqualTo(simplex.logLikelihood() - 1e-9);
        assertThat(newton.evaluations()).isLessThan(20);
        assertThat(simplex.evaluations()).isGreaterThan(200);
    }

    private static void assertDerivativesMatch(SmoothLogLikelihood likelihood, double[] p) {
        int n = p.length;
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        double value = likelihood.evaluate(p, gradient, hessian);
        assertThat(likelihood.value(p)).isCloseTo(value, within(1e-9 * Math.abs(value)));
        for (int i = 0; i < n; i++) {
            double h = 1e-5 * p[i];
            double[] gPlus = new double[n];
            double[] gMinus = new double[n];
            double plus = likelihood.evaluate(shifted(p, i, h), gPlus, new double[n][n]);
            double minus = likelihood.evaluate(shifted(p, i, -h), gMinus, new double[n][n]);
            double numeric = (plus - minus) / (2 * h);
            assertThat(gradient[i]).as("d/dp%d", i).isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
            for (int j = 0; j < n; j++) {
                double second = (gPlus[j] - gMinus[j]) / (2 * h);
                assertThat(hessian[j][i])
                        .as("d2/dp%d dp%d", j, i)
                        .isCloseTo(second, within(1e-5 * (1 + Math.abs(second))));
                assertThat(hessian[i][j]).isEqualTo(hessian[j][i]);
            }
        }
    }

    private static double[] shifted(double[] p, int i, double h) {
        double[] q = p.clone();
        q[i] += h;
        return q;
    }
}
