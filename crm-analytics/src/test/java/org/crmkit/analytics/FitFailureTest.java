package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitFailureTest {

    @Test
    void customersWithoutRepeatPurchasesCannotIdentifyAPurchaseRate() {
        List<PurchaseHistory> oneTimers = Collections.nCopies(50, PurchaseHistory.of(0, 0, 20));

        assertThatThrownBy(() -> BgNbdModel.fit(oneTimers, FitOptions.defaults()))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA))
                .hasMessageContaining("repeat purchase");
    }

    @Test
    void aParameterRunningOffToInfinityIsReportedByName() {
        List<PurchaseHistory> everyoneStillBuying = Collections.nCopies(100, PurchaseHistory.of(3, 10, 10));

        assertThatThrownBy(() -> BgNbdModel.fit(everyoneStillBuying, FitOptions.defaults()))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.field()).isEqualTo("bg-nbd"))
                .hasMessageContaining("cannot identify");
    }

    @Test
    void aFitThatRunsOutOfEvaluationsFailsInsteadOfReturningTheStartingPoint() {
        List<PurchaseHistory> histories = CdnowData.publishedHistories();

        assertThatThrownBy(() -> ParetoNbdModel.fit(histories, new FitOptions(0, 100)))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.FIT_FAILED))
                .hasMessageContaining("100 evaluations");
    }

    @Test
    void gammaGammaNeedsTwoRepeatBuyers() {
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of(new SpendHistory(1, 10), new SpendHistory(0, 0)),
                FitOptions.defaults()))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.reason()).isEqualTo(AnalyticsException.Reason.INSUFFICIENT_DATA));
    }
}
