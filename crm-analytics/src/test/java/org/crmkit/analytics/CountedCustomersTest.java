package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a distributed run hands the driver: customers counted per pattern for the fits, and tallies of partitions for
 * RFM, against the same customers one by one (the CDNOW sample).
 */
class CountedCustomersTest {

    private static List<CustomerSummary> customers;

    @BeforeAll
    static void summarize() {
        CustomerSummarizer summarizer = Analytics.summarizer(CdnowData.CALIBRATION_END, PeriodUnit.WEEKS);
        CdnowData.sampleReader().read(CdnowData.file("CDNOW_sample.txt"), summarizer::add);
        customers = summarizer.summaries();
    }

    private static <K> Map<K, Long> countedBy(Function<CustomerSummary, K> pattern) {
        return customers.stream().collect(Collectors.groupingBy(pattern, HashMap::new, Collectors.counting()));
    }

    @Test
    void bgNbdFittedToCountedPatternsIsTheFitOfTheCustomersToTheLastBit() {
        BgNbdModel oneByOne =
                BgNbdModel.fit(customers.stream().map(CustomerSummary::history).toList(), FitOptions.defaults());
        Map<PurchaseHistory, Long> counts = countedBy(CustomerSummary::history);

        BgNbdModel counted = BgNbdModel.fit(counts, FitOptions.defaults());

        assertThat(counts).hasSizeLessThan(customers.size() / 2);
        assertThat(counted.parameters()).isEqualTo(oneByOne.parameters());
        assertThat(counted.estimation().orElseThrow())
                .isEqualTo(oneByOne.estimation().orElseThrow());
    }

    @Test
    void gammaGammaFittedToCountedPatternsAgreesWithTheFitOfTheCustomersToTenDigits() {
        GammaGammaModel oneByOne =
                GammaGammaModel.fit(customers.stream().map(SpendHistory::of).toList(), FitOptions.defaults());
        Map<SpendHistory, Long> counts = countedBy(SpendHistory::of);

        GammaGammaModel counted = GammaGammaModel.fit(counts, FitOptions.defaults());

        assertThat(counts).hasSizeLessThan(customers.size());
        oneByOne.parameters()
                .forEach((name, value) -> assertThat(counted.parameters().get(name))
                        .as(name)
                        .isCloseTo(value, PurchaseModelCdnowTest.withinRelative(1e-10)));
        assertThat(counted.estimation().orElseThrow().customers())
                .isEqualTo(oneByOne.estimation().orElseThrow().customers())
                .isEqualTo(946);
    }

    @Test
    void aNegativeCountIsRefusedNamingTheWeight() {
        Map<PurchaseHistory, Long> purchases =
                Map.of(PurchaseHistory.of(1, 2, 3), 5L, PurchaseHistory.of(0, 0, 3), -1L);
        Map<SpendHistory, Long> spend = Map.of(new SpendHistory(1, 10), 2L, new SpendHistory(2, 12), -3L);

        assertThatThrownBy(() -> BgNbdModel.fit(purchases, FitOptions.defaults()))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("weight").contains("-1");
                });
        assertThatThrownBy(() -> GammaGammaModel.fit(spend, FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("weight").contains("-3"));
    }

    @Test
    void patternsCountedZeroAreNoCustomers() {
        assertThatThrownBy(() -> BgNbdModel.fit(Map.of(PurchaseHistory.of(2, 2, 3), 0L), FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA));
        assertThatThrownBy(() -> GammaGammaModel.fit(
                        Map.of(new SpendHistory(1, 10), 1L, new SpendHistory(2, 12), 0L), FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("got 1"));
    }

    @Test
    void scoringWithTheScaleOfMergedPartitionTalliesGivesTheScoresAmongAllCustomers() {
        for (RfmAnalysis analysis :
                List.of(RfmAnalysis.standard(), RfmAnalysis.of(SegmentMap.standard(), RfmAnalysis.Monetary.AVERAGE))) {
            RfmReport all = analysis.score(customers);
            RfmScale.Tally whole = analysis.tally();
            for (int partition = 0; partition < 3; partition++) {
                RfmScale.Tally part = analysis.tally();
                for (int i = partition; i < customers.size(); i += 3) {
                    part.add(customers.get(i));
                }
                whole.merge(part);
            }
            RfmScale scale = analysis.scale(whole);

            assertThat(whole.customers()).isEqualTo(customers.size());
            assertThat(customers.stream().map(scale::score).toList()).isEqualTo(all.scores());
        }
    }

    @Test
    void theScaleKeepsTheTieRuleOnHeavilyTiedValues() {
        // recency days 5,5,5,5,5,5,4,3,2,1 as in RfmAnalysisTest: ties share the score where their block starts
        List<CustomerSummary> tied = List.of(5, 5, 5, 5, 5, 5, 4, 3, 2, 1).stream()
                .map(days -> summary("c" + days + "-" + Math.random(), days))
                .toList();
        RfmScale scale = RfmAnalysis.standard().scale(tallyOf(tied));

        assertThat(tied.stream().map(c -> scale.score(c).recencyScore()).toList())
                .isEqualTo(RfmAnalysis.standard().score(tied).scores().stream()
                        .map(RfmScore::recencyScore)
                        .toList())
                .containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    }

    @Test
    void aTallyOfAnotherSpendMeasureIsRefused() {
        RfmScale.Tally average = RfmAnalysis.of(SegmentMap.standard(), RfmAnalysis.Monetary.AVERAGE)
                .tally();

        assertThatThrownBy(() -> RfmAnalysis.standard().scale(average))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("tally").contains("AVERAGE"));
        assertThatThrownBy(() -> RfmAnalysis.standard().tally().merge(average)).isInstanceOf(AnalyticsException.class);
        assertThatThrownBy(() ->
                        RfmAnalysis.standard().scale(RfmAnalysis.standard().tally()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.EMPTY_INPUT));
    }

    private static RfmScale.Tally tallyOf(List<CustomerSummary> summaries) {
        RfmScale.Tally tally = RfmAnalysis.standard().tally();
        summaries.forEach(tally::add);
        return tally;
    }

    private static CustomerSummary summary(String id, int daysSinceLastPurchase) {
        LocalDate first = LocalDate.of(2026, 1, 1);
        return new CustomerSummary(
                id,
                first,
                first,
                1,
                PurchaseHistory.of(0, 0, 10),
                BigDecimal.TEN,
                BigDecimal.ZERO,
                daysSinceLastPurchase,
                0,
                BigDecimal.ZERO);
    }
}
