package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Arguments of the Java API that would cost minutes or memory beyond reason are refused by name. */
class ArgumentLimitsTest {

    private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);

    @Test
    void aLifetimeValueHorizonIsAtMostAHundredYears() {
        assertThat(LifetimeValue.of(PURCHASES, SPEND, LifetimeValue.MAX_MONTHS, 0.01, PeriodUnit.WEEKS))
                .isNotNull();
        assertThatThrownBy(() -> LifetimeValue.of(PURCHASES, SPEND, Integer.MAX_VALUE, 0.01, PeriodUnit.WEEKS))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("months"))
                .hasMessageContaining("from 1 to 1200");
    }

    @Test
    void profitabilityRefusesAMissingCostAndAnAmountBeyondTheLimits() {
        assertThatThrownBy(() -> Profitability.of(null, BigDecimal.ONE))
                .isInstanceOfSatisfying(AnalyticsException.class, e -> {
                    assertThat(e.field()).isEqualTo("costPerOrder");
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_VALUE);
                })
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> ChurnRisk.of(null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUIRED));
        assertThatThrownBy(() -> Profitability.of(BigDecimal.ONE, new BigDecimal("1e999999999")))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("keyThreshold"))
                .hasMessageContaining("at most 18 digits before the decimal point and 12 after it");
    }
}
