package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FitFailureTest {

    @Test
    void customersWithoutRepeatPurchasesCannotIdentifyAPurchaseRate() {
        List<PurchaseHistory> oneTimers = Collections.nCopies(50, PurchaseHistory.of(0, 0, 20));

        assertThatThrownBy(() -> BgNbdModel.fit(oneTimers, FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                .isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA))
                .hasMessageContaining("repeat purchase");
    }

    @Test
    void aParameterRunningOffToInfinityIsReportedByName() {
        List<PurchaseHistory> everyoneStillBuying = Collections.nCopies(100, PurchaseHistory.of(3, 10, 10));

        assertThatThrownBy(() -> BgNbdModel.fit(everyoneStillBuying, FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("bg-nbd"))
                .hasMessageContaining("cannot identify");
    }

    @Test
    void aFlatLikelihoodOnAHundredCustomersNamesThePenalizerThatIdentifiesTheModel() {
        List<PurchaseHistory> customers = new ArrayList<>(CdnowData.publishedHistories());
        Collections.shuffle(customers, new Random(1));
        List<PurchaseHistory> hundred = List.copyOf(customers.subList(0, 100));

        assertThatThrownBy(() -> BgNbdModel.fit(hundred, FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA))
                .hasMessageContaining("cannot identify the model")
                .hasMessageContaining("a penalizer of 0.0001 identifies it (FitOptions.withPenalizer(0.0001), "
                        + "--penalizer 0.0001 on the command line): {r=");
        BgNbdModel penalized = BgNbdModel.fit(hundred, FitOptions.defaults().withPenalizer(0.0001));
        assertThat(penalized.parameters().get("a")).isBetween(0.1, 10.0);
        assertThat(penalized.parameters().get("r")).isBetween(0.2, 0.3);
    }

    @Test
    void whenNoPenalizerHelpsTheRefusalSaysSo() {
        List<PurchaseHistory> everyoneStillBuying = Collections.nCopies(100, PurchaseHistory.of(3, 10, 10));

        assertThatThrownBy(() -> BgNbdModel.fit(everyoneStillBuying, FitOptions.defaults()))
                .hasMessageContaining("no penalizer up to 0.1 identifies it either: more customers are needed");
    }

    @Test
    void aFitThatRunsOutOfEvaluationsFailsInsteadOfReturningTheStartingPoint() {
        List<PurchaseHistory> histories = CdnowData.publishedHistories();

        assertThatThrownBy(() -> ParetoNbdModel.fit(histories, new FitOptions(0, 100)))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                .isEqualTo(AnalyticsException.Reason.FIT_FAILED))
                .hasMessageContaining("100 evaluations");
    }

    @Test
    void gammaGammaNeedsTwoRepeatBuyers() {
        assertThatThrownBy(() -> GammaGammaModel.fit(
                        List.of(new SpendHistory(1, 10), new SpendHistory(0, 0)), FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                .isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA));
    }
}
