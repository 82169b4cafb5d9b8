package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The values summaries share are those each would make itself; only small ones are shared. */
class SummaryValuesTest {

    private static final long END = LocalDate.of(2023, 12, 31).toEpochDay();

    @Test
    void amountsAreThoseOfTheirUnscaledValueAndScaleAndSmallOnesAreShared() {
        SummaryValues shared = new SummaryValues(100_000, END, PeriodUnit.WEEKS);
        long[] unscaled = {0, 1, 2_100, 65_535, 65_536, -5, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : unscaled) {
            for (int scale = -1; scale <= 18; scale++) {
                BigDecimal amount = shared.amount(value, scale);

                assertThat(amount.unscaledValue().longValue()).isEqualTo(value);
                assertThat(amount.scale()).isEqualTo(scale);
                assertThat(amount).isEqualTo(BigDecimal.valueOf(value, scale));
            }
        }

        assertThat(shared.amount(2_100, 2)).isSameAs(shared.amount(2_100, 2));
        assertThat(shared.amount(2_100, 3)).isSameAs(shared.amount(2_100, 3)).isNotSameAs(shared.amount(2_100, 2));
        assertThat(shared.amount(65_536, 2)).isNotSameAs(shared.amount(65_536, 2));
        assertThat(shared.amount(7, 4)).isNotSameAs(shared.amount(7, 4));
        assertThat(shared.amount(-7, 2)).isNotSameAs(shared.amount(-7, 2));
    }

    @Test
    void fewCustomersShareFewAmounts() {
        SummaryValues shared = new SummaryValues(3, END, PeriodUnit.DAYS);

        assertThat(shared.amount(15, 2)).isSameAs(shared.amount(15, 2));
        assertThat(shared.amount(16, 2)).isNotSameAs(shared.amount(16, 2)).isEqualTo(new BigDecimal("0.16"));
    }

    @Test
    void historiesAreThoseASummaryMakesAndOnlyThoseWithoutRepeatPurchasesAreShared() {
        SummaryValues shared = new SummaryValues(100_000, END, PeriodUnit.WEEKS);
        long first = END - 100;

        assertThat(shared.history(0, first, first)).isEqualTo(new PurchaseHistory(0, 0, 100 / 7.0));
        assertThat(shared.history(0, first, first)).isSameAs(shared.history(0, first, first));
        assertThat(shared.history(0, first + 1, first + 1)).isEqualTo(new PurchaseHistory(0, 0, 99 / 7.0));
        assertThat(shared.history(3, first, first + 70)).isEqualTo(new PurchaseHistory(3, 10, 100 / 7.0));
        assertThat(shared.history(3, first, first + 70)).isNotSameAs(shared.history(3, first, first + 70));
        long ancient = END - (1 << 14);
        assertThat(shared.history(0, ancient, ancient)).isEqualTo(new PurchaseHistory(0, 0, (1 << 14) / 7.0));
        assertThat(shared.history(0, ancient, ancient)).isNotSameAs(shared.history(0, ancient, ancient));
    }

    @Test
    void aHistoryThatCannotBeIsRefusedAsASummaryRefusesIt() {
        SummaryValues shared = new SummaryValues(100_000, END, PeriodUnit.WEEKS);

        assertThatThrownBy(() -> shared.history(0, END + 7, END + 7))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("age");
        assertThatThrownBy(() -> shared.history(0, END - 7, END))
                .isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("recency");
    }
}
