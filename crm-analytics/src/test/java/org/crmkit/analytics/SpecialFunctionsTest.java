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

        double[] values = SpecialFunctions.hyp2f1(-2, 3, 4, z);

        for (int j = 0; j < z.length; j++) {
            double polynomial = 1 - 2 * 3 / 4.0 * z[j] + (-2.0 * -1 * 3 * 4) / (4 * 5 * 2) * z[j] * z[j];
            assertThat(values[j]).isCloseTo(polynomial, within(1e-15));
        }
    }

    @Test
    void theHypergeometricSeriesWithMixedSignsMatchesItsClosedForm() {
        double[] z = {0.1, 0.47, 0.9};

        double[] values = SpecialFunctions.hyp2f1(-0.3, 1, 1, z);

        for (int j = 0; j < z.length; j++) {
            assertThat(values[j]).as("(1 - z)^0.3 at %s", z[j]).isCloseTo(Math.pow(1 - z[j], 0.3), within(1e-14));
        }
    }
}
