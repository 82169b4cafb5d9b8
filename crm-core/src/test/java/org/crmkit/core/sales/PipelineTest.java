package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;

class PipelineTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    static final TenantId TENANT = TenantId.of("acme");

    static StageId stageId() {
        return StageId.of(UUID.randomUUID());
    }

    static Pipeline newBusiness() {
        return Pipeline.define(
                TENANT,
                PipelineId.of(UUID.randomUUID()),
                "New business",
                List.of(
                        Stage.open(stageId(), "Qualify", 10, ForecastCategory.PIPELINE)
                                .rottingAfter(14),
                        Stage.open(stageId(), "Propose", 50, ForecastCategory.BEST_CASE),
                        Stage.open(stageId(), "Negotiate", 80, ForecastCategory.COMMIT),
                        Stage.won(stageId(), "Won"),
                        Stage.lost(stageId(), "Lost")),
                null,
                CLOCK);
    }

    @Test
    void aPipelineKeepsItsStagesInOrder() {
        Pipeline pipeline = newBusiness();

        assertThat(pipeline.stages())
                .extracting(Stage::name)
                .containsExactly("Qualify", "Propose", "Negotiate", "Won", "Lost");
        assertThat(pipeline.openStages()).hasSize(3);
        assertThat(pipeline.wonStage().name()).isEqualTo("Won");
        assertThat(pipeline.lostStage().kind()).isEqualTo(StageKind.LOST);
        assertThat(pipeline.stages().get(0).rottingDays()).isEqualTo(14);
        assertThat(pipeline.pendingEvents()).singleElement().isInstanceOf(PipelineDefined.class);
    }

    @Test
    void aPipelineNeedsAnOpenAWonAndALostStage() {
        assertThatThrownBy(() -> Pipeline.define(
                        TENANT,
                        PipelineId.of(UUID.randomUUID()),
                        "P",
                        List.of(Stage.won(stageId(), "Won"), Stage.lost(stageId(), "Lost")),
                        null,
                        CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stages"));
        assertThatThrownBy(() -> Pipeline.define(
                        TENANT,
                        PipelineId.of(UUID.randomUUID()),
                        "P",
                        List.of(
                                Stage.open(stageId(), "A", 10, ForecastCategory.PIPELINE),
                                Stage.lost(stageId(), "Lost")),
                        null,
                        CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("won"));
        assertThatThrownBy(() -> Pipeline.define(
                        TENANT,
                        PipelineId.of(UUID.randomUUID()),
                        "P",
                        List.of(Stage.open(stageId(), "A", 10, ForecastCategory.PIPELINE), Stage.won(stageId(), "Won")),
                        null,
                        CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("lost"));
    }

    @Test
    void stageNamesAreUniqueIgnoringCase() {
        assertThatThrownBy(() -> Pipeline.define(
                        TENANT,
                        PipelineId.of(UUID.randomUUID()),
                        "P",
                        List.of(
                                Stage.open(stageId(), "Qualify", 10, ForecastCategory.PIPELINE),
                                Stage.open(stageId(), "QUALIFY", 20, ForecastCategory.PIPELINE),
                                Stage.won(stageId(), "Won"),
                                Stage.lost(stageId(), "Lost")),
                        null,
                        CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stages[1].name"));
    }

    @Test
    void stageValuesAreChecked() {
        assertThatThrownBy(() -> Stage.open(stageId(), "A", 101, ForecastCategory.PIPELINE))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stage.probabilityPercent"));
        assertThatThrownBy(() -> Stage.open(stageId(), "A", 10, ForecastCategory.PIPELINE)
                        .rottingAfter(0))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stage.rottingDays"));
    }

    @Test
    void stagesCanBeAddedRenamedAndReordered() {
        Pipeline pipeline = newBusiness();
        Stage demo = Stage.open(stageId(), "Demo", 30, ForecastCategory.PIPELINE);

        pipeline.addStage(demo, 1, CLOCK);
        pipeline.renameStage(demo.id(), "Product demo", CLOCK);
        List<StageId> order = new java.util.ArrayList<>(
                pipeline.stages().stream().map(Stage::id).toList());
        java.util.Collections.swap(order, 0, 1);
        pipeline.reorderStages(order, CLOCK);

        assertThat(pipeline.stages())
                .extracting(Stage::name)
                .containsExactly("Product demo", "Qualify", "Propose", "Negotiate", "Won", "Lost");
        assertThat(pipeline.positionOf(demo.id())).isZero();
        assertThat(pipeline.pendingEvents())
                .filteredOn(PipelineChanged.class::isInstance)
                .hasSize(3);
    }

    @Test
    void aChangeThatBreaksTheRulesIsRefusedWhole() {
        Pipeline pipeline = newBusiness();
        List<Stage> before = pipeline.stages();

        assertThatThrownBy(() -> pipeline.addStage(Stage.won(stageId(), "Won again"), 0, CLOCK))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> pipeline.renameStage(before.get(0).id(), "propose", CLOCK))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> pipeline.reorderStages(List.of(before.get(0).id()), CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("order"));
        assertThat(pipeline.stages()).isEqualTo(before);
    }

    @Test
    void stateRoundTripKeepsEveryField() {
        Pipeline pipeline = newBusiness();

        assertThat(Pipeline.restore(pipeline.state()).state()).isEqualTo(pipeline.state());
    }
}
