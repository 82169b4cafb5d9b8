package org.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyPropertiesTest {

    @Property
    void evenAllocationAddsUpAndPartsDifferByAtMostOneCent(
            @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long cents,
            @ForAll @IntRange(min = 1, max = 50) int parts) {
        Money amount = Money.ofMinor(cents, Money.currency("EUR"));

        List<Money> allocated = amount.allocate(parts);

        assertThat(allocated).hasSize(parts);
        assertThat(allocated.stream().reduce(Money.zero("EUR"), Money::plus)).isEqualTo(amount);
        BigDecimal max =
                allocated.stream().map(Money::amount).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal min =
                allocated.stream().map(Money::amount).min(BigDecimal::compareTo).orElseThrow();
        assertThat(max.subtract(min)).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Property
    void ratioAllocationAddsUpAndStaysWithinOneCentOfTheExactShare(
            @ForAll @LongRange(min = 0, max = 100_000_000) long cents,
            @ForAll("ratios") @Size(min = 1, max = 12) List<Integer> ratios) {
        Money amount = Money.ofMinor(cents, Money.currency("USD"));
        List<BigDecimal> weights = ratios.stream().map(BigDecimal::valueOf).toList();
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        List<Money> allocated = amount.allocate(weights);

        assertThat(allocated.stream().reduce(Money.zero("USD"), Money::plus)).isEqualTo(amount);
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact =
                    amount.amount().multiply(weights.get(i)).divide(total, 10, java.math.RoundingMode.HALF_EVEN);
            assertThat(allocated.get(i).amount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        }
    }

    @Provide
    Arbitrary<List<Integer>> ratios() {
        return Arbitraries.integers()
                .between(0, 1000)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .filter(list -> list.stream().anyMatch(i -> i > 0));
    }

    @Property
    void additionIsCommutativeAndSubtractionUndoesIt(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long b) {
        Money x = Money.ofMinor(a, Money.currency("EUR"));
        Money y = Money.ofMinor(b, Money.currency("EUR"));

        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
    }

    @Property
    void roundingIsIdempotentAndWithinHalfAMinorUnit(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long micros) {
        Money money = Money.of(BigDecimal.valueOf(micros, 6), Money.currency("EUR"));

        Money rounded = money.rounded();

        assertThat(rounded.rounded()).isEqualTo(rounded);
        assertThat(rounded.isInMinorUnits()).isTrue();
        assertThat(rounded.minus(money).abs().amount()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }
}
