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
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD")
                .extracting(e -> ((CrmException) e).errorCode())
                .isEqualTo(ErrorCode.CURRENCY_MISMATCH);
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
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ratios");
        assertThatThrownBy(() -> Money.of("1", "EUR").allocate(List.of(BigDecimal.ONE, new BigDecimal("-1"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ratios[1]");
    }

    @Test
    void refusesMalformedInputNamingTheField() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("12.50", "EURO"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of((BigDecimal) null, "EUR"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(
                        e -> assertThat(((InvalidValueException) e).errorCode()).isEqualTo(ErrorCode.REQUIRED));
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

    @Test
    void amountsWithHugeExponentsAreRefusedNamingTheFieldAndTheLimits() {
        for (String text : List.of("1e999999999", "1e100000000", "1e19", "1e-100000000", "0.0000000000001")) {
            assertThatThrownBy(() -> Money.of(text, "EUR"))
                    .as(text)
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.field()).isEqualTo("amount");
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_VALUE);
                    })
                    .hasMessageContaining("18 digits before the decimal point and 12 after it");
        }
        assertThatThrownBy(() -> Money.of(new BigDecimal("-1E+18"), "EUR")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.parse("EUR 1e999999999")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of("9".repeat(101), "EUR"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("longer than 100 characters");
    }

    @Test
    void amountsAtTheLimitsAndTrailingZerosBeyondThemAreAccepted() {
        assertThat(Money.of("999999999999999999.999999999999", "EUR").amount())
                .isEqualByComparingTo("999999999999999999.999999999999");
        assertThat(Money.of("1e17", "EUR").amount()).isEqualByComparingTo("100000000000000000");
        assertThat(Money.of("12.50000000000000000000", "EUR")).isEqualTo(Money.of("12.5", "EUR"));
        assertThat(Money.of(new BigDecimal("0E-999999999"), "EUR").toString()).isEqualTo("EUR 0.000000000000");
        assertThat(Money.isWithinLimits(new BigDecimal("0.000000000001"))).isTrue();
        assertThat(Money.isWithinLimits(new BigDecimal("1E-999999999"))).isFalse();
    }
}
