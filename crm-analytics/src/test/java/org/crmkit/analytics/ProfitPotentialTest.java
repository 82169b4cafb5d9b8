package org.crmkit.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfitPotentialTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    private final List<Profitability.CustomerProfit> current = Profitability.of(
                    new BigDecimal("5"), new BigDecimal("100"))
            .add(PurchaseRecord.of("star", DAY, new BigDecimal("400"), new BigDecimal("100"), null))
            .add(PurchaseRecord.of("cow", DAY, new BigDecimal("300"), new BigDecimal("100"), null))
            .add(PurchaseRecord.of("rising", DAY, new BigDecimal("60"), new BigDecimal("30"), null))
            .add(PurchaseRecord.of("quiet", DAY, new BigDecimal("40"), new BigDecimal("30"), null))
            .add(PurchaseRecord.of("costly", DAY, new BigDecimal("20"), new BigDecimal("18"), null))
            .add(PurchaseRecord.of("drain", DAY, new BigDecimal("10"), new BigDecimal("9"), null))
            .customers();

    @Test
    void eachCustomerLandsInTheCellOfItsTierAndPotentialWithThatCellsAction() {
        Map<String, Double> possible =
                Map.of("star", 900.0, "cow", 50.0, "rising", 400.0, "quiet", 20.0, "costly", 250.0, "drain", -30.0);

        ProfitPotential matrix = ProfitPotential.of(current, possible, 200);

        assertThat(matrix.placements())
                .extracting(ProfitPotential.Placement::customerId, ProfitPotential.Placement::action)
                .containsExactly(
                        tuple("star", ProfitPotential.Action.INVEST),
                        tuple("cow", ProfitPotential.Action.MAINTAIN),
                        tuple("rising", ProfitPotential.Action.DEVELOP),
                        tuple("quiet", ProfitPotential.Action.SERVE_EFFICIENTLY),
                        tuple("costly", ProfitPotential.Action.RESTRUCTURE),
                        tuple("drain", ProfitPotential.Action.REDUCE));
        assertThat(matrix.cells())
                .hasSize(6)
                .allSatisfy(cell -> assertThat(cell.customers()).isEqualTo(1));
        assertThat(matrix.cells().get(0).currentProfit()).isEqualByComparingTo("295");
        assertThat(matrix.calledFor(ProfitPotential.Action.REDUCE))
                .singleElement()
                .satisfies(p -> assertThat(p.possibleProfit()).isEqualTo(-30.0));
    }

    @Test
    void cellsAddUpAndEmptyCellsStayInTheMatrix() {
        Map<String, Double> possible =
                Map.of("star", 900.0, "cow", 950.0, "rising", 10.0, "quiet", 20.0, "costly", 5.0, "drain", 1.0);

        ProfitPotential matrix = ProfitPotential.of(current, possible, 200);

        assertThat(matrix.cells())
                .extracting(ProfitPotential.Cell::action, ProfitPotential.Cell::customers)
                .containsExactly(
                        tuple(ProfitPotential.Action.INVEST, 2),
                        tuple(ProfitPotential.Action.MAINTAIN, 0),
                        tuple(ProfitPotential.Action.DEVELOP, 0),
                        tuple(ProfitPotential.Action.SERVE_EFFICIENTLY, 2),
                        tuple(ProfitPotential.Action.RESTRUCTURE, 0),
                        tuple(ProfitPotential.Action.REDUCE, 2));
        assertThat(matrix.cells().get(0).possibleProfit()).isEqualTo(1850.0);
    }

    @Test
    void aCustomerWithoutPredictionOrAPredictionWithoutCustomerIsRefusedByName() {
        Map<String, Double> missing =
                Map.of("star", 900.0, "cow", 50.0, "rising", 400.0, "quiet", 20.0, "costly", 250.0);
        Map<String, Double> stranger = Map.of(
                "star", 900.0, "cow", 50.0, "rising", 400.0, "quiet", 20.0, "costly", 250.0, "drain", -30.0, "ghost",
                1.0);

        assertThatThrownBy(() -> ProfitPotential.of(current, missing, 200))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("possibleProfit"))
                .hasMessageContaining("drain");
        assertThatThrownBy(() -> ProfitPotential.of(current, stranger, 200))
                .isInstanceOfSatisfying(
                        AnalyticsException.class, e -> assertThat(e.field()).isEqualTo("current"))
                .hasMessageContaining("ghost");
    }
}
