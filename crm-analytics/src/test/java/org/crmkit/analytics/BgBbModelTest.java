package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BG/BB on the donation data of Fader, Hardie and Shang (2010). */
class BgBbModelTest {

    private static Map<DiscreteHistory, Long> donors;
    private static BgBbModel model;

    @BeforeAll
    static void fitDonations() {
        donors = donations();
        model = BgBbModel.fit(donors, FitOptions.defaults());
    }

    @Test
    void fitReproducesThePublishedParametersOfTheDonationData() {
        Map<String, Double> p = model.parameters();
        System.out.printf(
                "BG/BB on donations: %s LL=%.4f SE=%s%n",
                p,
                model.estimation().orElseThrow().logLikelihood(),
                model.estimation().orElseThrow().standardErrors());

        assertThat(p.get("alpha")).isCloseTo(1.204, offset(5e-4));
        assertThat(p.get("beta")).isCloseTo(0.750, offset(5e-4));
        assertThat(p.get("gamma")).isCloseTo(0.657, offset(5e-4));
        assertThat(p.get("delta")).isCloseTo(2.783, offset(5e-4));
        assertThat(model.estimation().orElseThrow().customers()).isEqualTo(11_104);
        assertThat(model.estimation().orElseThrow().logLikelihood()).isCloseTo(-33_225.6, offset(0.05));
    }

    @Test
    void theLikelihoodsOfEveryPossibleHistoryOfSixOpportunitiesSumToOne() {
        double total = 0;
        for (int tx = 0; tx <= 6; tx++) {
            for (int x = tx == 0 ? 0 : 1; x <= tx; x++) {
                // histories with the last transaction at tx and x - 1 earlier ones among tx - 1 opportunities
                double ways = tx == 0 ? 1 : binomial(tx - 1, x - 1);
                total += ways * Math.exp(model.logLikelihood(DiscreteHistory.of(x, tx, 6)));
            }
        }
        assertThat(total).isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void conditionalExpectationEqualsThePublishedClosedForm() {
        Map<String, Double> p = model.parameters();
        double a = p.get("alpha");
        double b = p.get("beta");
        double g = p.get("gamma");
        double d = p.get("delta");
        for (DiscreteHistory h : List.of(
                DiscreteHistory.of(6, 6, 6),
                DiscreteHistory.of(3, 4, 6),
                DiscreteHistory.of(0, 0, 6),
                DiscreteHistory.of(1, 1, 6))) {
            int x = h.frequency();
            int n = h.opportunities();
            int future = 5;
            double closedForm = Math.exp(logB(a + x + 1, b + n - x) - logB(a, b) - model.logLikelihood(h))
                    * d
                    / (g - 1)
                    * Math.exp(Gamma.logGamma(g + d) - Gamma.logGamma(1 + d))
                    * (Math.exp(Gamma.logGamma(1 + d + n) - Gamma.logGamma(g + d + n))
                            - Math.exp(Gamma.logGamma(1 + d + n + future) - Gamma.logGamma(g + d + n + future)));

            assertThat(model.expectedTransactions(h, future)).as(h.toString()).isCloseTo(closedForm, offset(1e-10));
        }
    }

    @Test
    void aNewCustomersConditionalExpectationIsThePopulationCurve() {
        assertThat(model.expectedTransactions(DiscreteHistory.of(0, 0, 0), 6))
                .isCloseTo(model.expectedTransactions(6), offset(1e-12));
        double weighted = donors.entrySet().stream()
                        .mapToDouble(e -> e.getValue() * e.getKey().frequency())
                        .sum()
                / 11_104;
        assertThat(model.expectedTransactions(6)).isCloseTo(weighted, offset(0.05));
    }

    @Test
    void recentRegularDonorsAreMoreLikelyAliveAndGiveMore() {
        DiscreteHistory loyal = DiscreteHistory.of(6, 6, 6);
        DiscreteHistory lapsed = DiscreteHistory.of(3, 3, 6);

        assertThat(model.probabilityAlive(loyal)).isGreaterThan(model.probabilityAlive(lapsed));
        assertThat(model.probabilityAlive(loyal)).isBetween(0.0, 1.0);
        assertThat(model.expectedTransactions(loyal, 5))
                .isGreaterThan(model.expectedTransactions(lapsed, 5))
                .isLessThan(5);
    }

    @Test
    void badHistoriesAndEmptyDataAreRefused() {
        assertThatThrownBy(() -> DiscreteHistory.of(3, 2, 6))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("recency");
        assertThatThrownBy(() -> DiscreteHistory.of(1, 1, 0))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("opportunities");
        assertThatThrownBy(() -> BgBbModel.fit(Map.of(DiscreteHistory.of(0, 0, 6), 10L), FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA));
    }

    private static double logB(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    private static Map<DiscreteHistory, Long> donations() {
        try {
            List<String> lines = Files.readAllLines(CdnowData.file("donations.csv"));
            assertThat(lines.get(0)).isEqualTo("frequency,recency,periods,weights");
            Map<DiscreteHistory, Long> result = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    String[] f = line.strip().split(",");
                    result.put(
                            DiscreteHistory.of(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])),
                            Long.parseLong(f[3]));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
