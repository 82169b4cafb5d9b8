package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The BG/NBD conditional expectation through Euler's transformation equals the textbook series. */
class ConditionalExpectationTest {

    private static final List<PurchaseHistory> HISTORIES = List.of(
            PurchaseHistory.of(0, 0, 38.86),
            PurchaseHistory.of(1, 1.71, 38.86),
            PurchaseHistory.of(7, 29.43, 38.86),
            PurchaseHistory.of(30, 420, 444),
            PurchaseHistory.of(150, 700, 730),
            PurchaseHistory.of(4, 3, 365));

    @Test
    void expectedPurchasesEqualTheUntransformedHypergeometricFormula() {
        List<BgNbdModel> models = List.of(
                BgNbdModel.of(0.242593, 4.413532, 0.792886, 2.425754),
                BgNbdModel.of(2.03, 42.6, 0.998, 5.87),
                BgNbdModel.of(1.2, 10, 3.5, 8),
                BgNbdModel.of(0.5, 60, 1.7, 0.9));
        double[] horizons = {0.5, 4.3, 30, 52, 365};
        for (BgNbdModel model : models) {
            for (PurchaseHistory h : HISTORIES) {
                double[] together = model.expectedPurchases(h, horizons);
                for (int j = 0; j < horizons.length; j++) {
                    double textbook = textbook(model, h, horizons[j]);
                    assertThat(together[j])
                            .as("%s %s t=%s", model, h, horizons[j])
                            .isCloseTo(textbook, within(1e-10 * Math.max(1, textbook)));
                    assertThat(model.expectedPurchases(h, horizons[j])).isEqualTo(together[j]);
                }
            }
        }
    }

    @Test
    void expectedPurchasesAreContinuousAsTheDropoutParameterAPassesOne() {
        double[] horizons = {30, 365};
        for (PurchaseHistory h : HISTORIES) {
            double[] below = BgNbdModel.of(2, 40, 1 - 1e-9, 6).expectedPurchases(h, horizons);
            double[] at = BgNbdModel.of(2, 40, 1, 6).expectedPurchases(h, horizons);
            double[] above = BgNbdModel.of(2, 40, 1 + 1e-9, 6).expectedPurchases(h, horizons);
            for (int j = 0; j < horizons.length; j++) {
                assertThat(at[j])
                        .as("%s t=%s", h, horizons[j])
                        .isPositive()
                        .isCloseTo(below[j], within(1e-7 * at[j]))
                        .isCloseTo(above[j], within(1e-7 * at[j]));
            }
        }
    }

    private static double textbook(BgNbdModel model, PurchaseHistory h, double t) {
        double r = model.parameters().get("r");
        double alpha = model.parameters().get("alpha");
        double a = model.parameters().get("a");
        double b = model.parameters().get("b");
        int x = h.frequency();
        double big = alpha + h.age();
        double series = SpecialFunctions.hyp2f1(r + x, b + x, a + b + x - 1, t / (big + t));
        return (a + b + x - 1) / (a - 1) * (1 - Math.pow(big / (big + t), r + x) * series) * model.probabilityAlive(h);
    }
}
