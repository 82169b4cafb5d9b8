package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.crmkit.core.common.ErrorCode;
import org.junit.jupiter.api.Test;

class AnalyticsExceptionTest {

    @Test
    void everyReasonHasItsOwnStableCode() {
        assertThat(Arrays.stream(AnalyticsException.Reason.values())
                        .map(r -> r.errorCode().code()))
                .containsExactly("CRM-0201", "CRM-0202", "CRM-0002", "CRM-0203", "CRM-0204", "CRM-0205", "CRM-0206")
                .doesNotHaveDuplicates();
    }

    @Test
    void aFitTheDataCannotSupportReadsAsInsufficientDataNotAsAnInvalidValue() {
        List<PurchaseHistory> oneTimers = Collections.nCopies(50, PurchaseHistory.of(0, 0, 20));

        assertThatThrownBy(() -> BgNbdModel.fit(oneTimers, FitOptions.defaults()))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_DATA))
                .hasMessageStartingWith("CRM-0203: ");
    }

    @Test
    void aFitOutOfEvaluationsReadsAsAFailedFit() {
        assertThatThrownBy(() -> ParetoNbdModel.fit(CdnowData.publishedHistories(), new FitOptions(0, 100)))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FIT_FAILED))
                .hasMessageStartingWith("CRM-0204: ");
    }
}
