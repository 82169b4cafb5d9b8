package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfitabilityTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    @Test
    void profitIsRevenueLessGoodsLessCostToServeAndCustomersAreTiered() {
        Profitability profitability = Profitability.of(new BigDecimal("5"), new BigDecimal("100"))
                .add(PurchaseRecord.of("big", DAY, new BigDecimal("300"), new BigDecimal("120"), "A"))
                .add(PurchaseRecord.of("big", DAY, new BigDecimal("50"), new BigDecimal("10"), "B"))
                .add(PurchaseRecord.of("mid", DAY, new BigDecimal("40"), new BigDecimal("20"), "A"))
                .add(PurchaseRecord.of("drain", DAY, new BigDecimal("30"), new BigDecimal("20"), "B"))
                .add(PurchaseRecord.of("drain", DAY.plusDays(1), new BigDecimal("30"), new BigDecimal("20"), "B"))
                .addCostToServe("drain", new BigDecimal("15"));

        List<Profitability.CustomerProfit> customers = profitability.customers();

        assertThat(customers)
                .extracting(Profitability.CustomerProfit::customerId)
                .containsExactly("big", "mid", "drain");
        assertThat(customers.get(0).profit()).isEqualByComparingTo("215");
        assertThat(customers.get(0).tier()).isEqualTo(Profitability.Tier.KEY);
        assertThat(customers.get(1).tier()).isEqualTo(Profitability.Tier.SMALL);
        assertThat(customers.get(2).costToServe()).isEqualByComparingTo("25");
        assertThat(customers.get(2).profit()).isEqualByComparingTo("-5");
        assertThat(customers.get(2).tier()).isEqualTo(Profitability.Tier.UNPROFITABLE);
        assertThat(profitability.marginMatrix().get("big"))
                .containsEntry("A", new BigDecimal("180"))
                .containsEntry("B", new BigDecimal("40"));
        assertThat(profitability.marginMatrix().get("drain")).containsOnlyKeys("B");
    }
}
