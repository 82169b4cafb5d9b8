package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.junit.jupiter.api.Test;

class InterestRuleTest {

    /** Germany's Basiszinssatz for 2025 as published by the Deutsche Bundesbank. */
    private static final ReferenceRates RATES_2025 = ReferenceRates.builder()
            .halfYear(LocalDate.of(2025, 1, 1), "2.27")
            .halfYear(LocalDate.of(2025, 7, 1), "1.27")
            .build();

    private static final Money THOUSAND = Money.of("1000.00", "EUR");
    private static final LocalDate DUE = LocalDate.of(2025, 6, 20);

    @Test
    void businessInterestUnderBgbRunsFromTheDayAfterTheDueDateSplitAtTheHalfYear() {
        InterestRule rule = InterestRule.of(InterestMode.B2B_GERMANY, RATES_2025);

        InterestRule.InterestCalculation calculation =
                rule.calculate(THOUSAND, DUE, Map.of(), LocalDate.of(2025, 7, 10));

        // 1000 x 11.27 % x 10/365 = 3.0876712329 (21.-30.6.), 1000 x 10.27 % x 10/365 = 2.8136986301 (1.-10.7.)
        assertThat(calculation.periods())
                .extracting(
                        InterestRule.InterestPeriod::from,
                        InterestRule.InterestPeriod::to,
                        InterestRule.InterestPeriod::days,
                        p -> p.ratePercent().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2025, 6, 21), LocalDate.of(2025, 6, 30), 10L, "11.27"),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 10), 10L, "10.27"));
        assertThat(calculation.periods().get(0).amount().amount()).isEqualByComparingTo(new BigDecimal("3.0876712329"));
        assertThat(calculation.interest()).isEqualTo(Money.of("5.90", "EUR"));
        assertThat(rule.flatCompensation()).isEqualTo(Money.of("40", "EUR"));
    }

    @Test
    void dayCountOf360GivesMoreInterest() {
        InterestRule rule =
                InterestRule.of(InterestMode.B2B_GERMANY, RATES_2025).withDayCount(DayCount.ACT_360);

        assertThat(rule.calculate(THOUSAND, DUE, Map.of(), LocalDate.of(2025, 7, 10))
                        .interest())
                .isEqualTo(Money.of("5.98", "EUR"));
    }

    @Test
    void partialPaymentLowersTheBalanceFromItsDayOn() {
        InterestRule rule = InterestRule.of(InterestMode.B2B_GERMANY, RATES_2025);

        InterestRule.InterestCalculation calculation = rule.calculate(
                THOUSAND, DUE, Map.of(LocalDate.of(2025, 7, 1), Money.of("400.00", "EUR")), LocalDate.of(2025, 7, 10));

        // 3.0876712329 + 600 x 10.27 % x 10/365 = 1.6882191781
        assertThat(calculation.interest()).isEqualTo(Money.of("4.78", "EUR"));
        assertThat(calculation.balance()).isEqualTo(Money.of("600.00", "EUR"));
    }

    @Test
    void euDirectiveAndConsumerModesUseTheirOwnPoints() {
        assertThat(InterestRule.of(InterestMode.B2B_EU_DIRECTIVE, RATES_2025)
                        .calculate(THOUSAND, LocalDate.of(2025, 7, 1), Map.of(), LocalDate.of(2025, 7, 11))
                        .interest())
                .isEqualTo(Money.of("2.54", "EUR"));
        InterestRule consumer = InterestRule.of(InterestMode.CONSUMER, RATES_2025);
        assertThat(consumer.calculate(THOUSAND, LocalDate.of(2025, 7, 1), Map.of(), LocalDate.of(2025, 7, 11))
                        .interest())
                .isEqualTo(Money.of("1.72", "EUR"));
        assertThat(consumer.flatCompensation()).isNull();
    }

    @Test
    void nothingIsOwedUpToTheDueDate() {
        InterestRule rule = InterestRule.of(InterestMode.B2B_GERMANY, RATES_2025);

        assertThat(rule.calculate(THOUSAND, DUE, Map.of(), DUE).interest()).isEqualTo(Money.zero("EUR"));
        assertThat(InterestRule.NONE
                        .calculate(THOUSAND, DUE, Map.of(), LocalDate.of(2025, 7, 10))
                        .interest())
                .isEqualTo(Money.zero("EUR"));
    }

    @Test
    void halfYearMissingFromTheTableIsReportedWithItsStart() {
        InterestRule rule = InterestRule.of(InterestMode.B2B_GERMANY, RATES_2025);

        assertThatThrownBy(
                        () -> rule.calculate(THOUSAND, LocalDate.of(2025, 12, 20), Map.of(), LocalDate.of(2026, 1, 5)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("no reference rate for the half-year starting 2026-01-01");
        assertThatThrownBy(() -> ReferenceRates.builder().halfYear(LocalDate.of(2025, 3, 1), "2.0"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("1 January or 1 July");
    }
}
