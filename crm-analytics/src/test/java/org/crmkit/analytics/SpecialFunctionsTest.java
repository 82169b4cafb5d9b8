package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    private static final double EULER_GAMMA = 0.5772156649015329;

    @Test
    void digammaMatchesHarmonicNumbersWellBelowTheAccuracyAFitNeeds() {
        double harmonic = 0;
        for (int n = 1; n <= 200; n++) {
            assertThat(SpecialFunctions.digamma(n)).as("psi(%d)", n).isCloseTo(harmonic - EULER_GAMMA, within(5e-14));
            harmonic += 1.0 / n;
        }
        assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-EULER_GAMMA - 2 * Math.log(2), within(5e-14));
    }

    @Test
    void aHypergeometricSeriesWithANonPositiveIntegerParameterEndsExactly() {
        double[] z = {0.25, 0.5};

        double[] excess = SpecialFunctions.hyp2f1Excess(-2, 3, 4, z);

        for (int j = 0; j < z.length; j++) {
            double polynomial = 1 - 2 * 3 / 4.0 * z[j] + (-2.0 * -1 * 3 * 4) / (4 * 5 * 2) * z[j] * z[j];
            assertThat(1 + 3 * excess[j]).isCloseTo(polynomial, within(1e-15));
        }
    }

    @Test
    void theHypergeometricSeriesWithMixedSignsMatchesItsClosedForm() {
        double[] z = {0.1, 0.47, 0.9};

        double[] excess = SpecialFunctions.hyp2f1Excess(1, -0.3, 1, z);

        for (int j = 0; j < z.length; j++) {
            assertThat(1 - 0.3 * excess[j])
                    .as("(1 - z)^0.3 at %s", z[j])
                    .isCloseTo(Math.pow(1 - z[j], 0.3), within(1e-14));
        }
    }

    @Test
    void theExcessOfTheSeriesStaysExactAsItsSecondParameterVanishes() {
        double[] z = {0.2, 0.6};

        double[] atZero = SpecialFunctions.hyp2f1Excess(1, 0, 1, z);
        double[] nearZero = SpecialFunctions.hyp2f1Excess(1, 1e-12, 1, z);

        for (int j = 0; j < z.length; j++) {
            double limit = -Math.log(1 - z[j]);
            assertThat(atZero[j]).as("d/db (1 - z)^-b at b = 0").isCloseTo(limit, within(1e-14));
            assertThat(nearZero[j]).isCloseTo(limit, within(1e-11));
        }
    }
}
