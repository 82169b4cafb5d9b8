package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndSubtractsExactly() {
        Money a = Money.of("0.10", "EUR");
        Money b = Money.of("0.20", "EUR");

        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(b.minus(a).minus(a).isZero()).isTrue();
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqual() {
        assertThat(Money.of("1.5", "EUR")).isEqualTo(Money.of("1.50", "EUR"));
        assertThat(Money.of("1.5", "EUR")).hasSameHashCodeAs(Money.of("1.50", "EUR"));
        assertThat(Money.of("1.5", "EUR")).isNotEqualTo(Money.of("1.5", "USD"));
    }

    @Test
    void refusesToMixCurrenciesAndNamesBoth() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD")
                .extracting(e -> ((CrmException) e).errorCode()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "CHF")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void roundsHalfEvenToTheMinorUnitOfTheCurrency() {
        assertThat(Money.of("2.345", "EUR").rounded().amount()).isEqualByComparingTo("2.34");
        assertThat(Money.of("2.355", "EUR").rounded().amount()).isEqualByComparingTo("2.36");
        assertThat(Money.of("1234.5", "JPY").rounded().amount()).isEqualByComparingTo("1234");
        assertThat(Money.of("1.2345", "BHD").rounded().amount()).isEqualByComparingTo("1.234");
    }

    @Test
    void allocatesEvenlyWithoutLosingACent() {
        List<Money> parts = Money.of("100.00", "EUR").allocate(3);

        assertThat(parts).containsExactly(Money.of("33.34", "EUR"), Money.of("33.33", "EUR"), Money.of("33.33", "EUR"));
    }

    @Test
    void allocatesByRatiosGivingLeftoverCentsToLargestRemainders() {
        List<Money> parts = Money.of("0.10", "EUR").allocate(List.of(new BigDecimal("1"), new BigDecimal("2")));

        assertThat(parts).containsExactly(Money.of("0.03", "EUR"), Money.of("0.07", "EUR"));
    }

    @Test
    void givesTheLeftoverCentToTheEarlierPartOnATie() {
        List<Money> parts = Money.of("0.05", "EUR").allocate(List.of(new BigDecimal("3"), new BigDecimal("7")));

        assertThat(parts).containsExactly(Money.of("0.02", "EUR"), Money.of("0.03", "EUR"));
    }

    @Test
    void allocatesNegativeAmounts() {
        assertThat(Money.of("-10.00", "EUR").allocate(3))
                .containsExactly(Money.of("-3.34", "EUR"), Money.of("-3.33", "EUR"), Money.of("-3.33", "EUR"));
    }

    @Test
    void refusesToAllocateAnAmountFinerThanTheMinorUnit() {
        assertThatThrownBy(() -> Money.of("1.005", "EUR").allocate(2))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("amount"));
    }

    @Test
    void refusesBadRatios() {
        assertThatThrownBy(() -> Money.of("1", "EUR").allocate(List.of(BigDecimal.ZERO, BigDecimal.ZERO)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("ratios");
        assertThatThrownBy(() -> Money.of("1", "EUR").allocate(List.of(BigDecimal.ONE, new BigDecimal("-1"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("ratios[1]");
    }

    @Test
    void refusesMalformedInputNamingTheField() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("12.50", "EURO")).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of((BigDecimal) null, "EUR")).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).errorCode()).isEqualTo(ErrorCode.REQUIRED));
        assertThatThrownBy(() -> Money.of("1", "XXX")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void printsAndParsesTheSameForm() {
        Money money = Money.of("1234.50", "CHF");

        assertThat(money.toString()).isEqualTo("CHF 1234.50");
        assertThat(Money.parse(money.toString())).isEqualTo(money);
        assertThat(Money.ofMinor(1250, Money.currency("EUR"))).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(Money.of("12.5", "EUR").toMinorUnits()).isEqualTo(1250);
    }
}
