package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.access.User;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageGate;

/**
 * The calling tenant's pipelines: their stages in order, each stage's gates, close reasons and staleness rule. Every
 * change loads, changes and saves the pipeline in one transaction with its events. Thread-safe.
 */
public final class Pipelines {

    private final UseCases useCases;

    Pipelines(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * Defines a pipeline with its stages in order, owned by the acting user (by none when the system actor defines
     * it); the stages get new ids.
     */
    public Pipeline definePipeline(String name, List<NewStage> stages) {
        List<Stage> defined = new ArrayList<>();
        List<NewStage> checked = Require.noNulls(stages, "stages");
        for (NewStage stage : checked) {
            defined.add(toStage(stage));
        }
        return useCases.save(
                Pipeline.define(
                        useCases.tenant(),
                        PipelineId.next(useCases.ids),
                        name,
                        defined,
                        useCases.actingUser().map(User::id).orElse(null),
                        useCases.clock),
                useCases.storage.pipelines()::save);
    }

    private Stage toStage(NewStage stage) {
        Require.notNull(stage, "stage");
        return new Stage(
                StageId.next(useCases.ids),
                stage.name(),
                stage.probabilityPercent(),
                stage.forecastCategory(),
                stage.kind(),
                stage.rottingDays(),
                stage.gates());
    }

    /** Inserts a new stage at {@code position} (0 = first). */
    public Pipeline addStage(PipelineId pipelineId, NewStage stage, int position) {
        Stage added = toStage(stage);
        return changePipeline(pipelineId, pipeline -> pipeline.addStage(added, position, useCases.clock));
    }

    public Pipeline renameStage(PipelineId pipelineId, StageId stageId, String name) {
        return changePipeline(pipelineId, pipeline -> pipeline.renameStage(stageId, name, useCases.clock));
    }

    /** Puts the stages in the given order, which must name every stage once. */
    public Pipeline reorderStages(PipelineId pipelineId, List<StageId> order) {
        return changePipeline(pipelineId, pipeline -> pipeline.reorderStages(order, useCases.clock));
    }

    /** Replaces the gates a deal must meet to enter the stage (empty: none). */
    public Pipeline changeGates(PipelineId pipelineId, StageId stageId, List<StageGate> gates) {
        return changePipeline(pipelineId, pipeline -> pipeline.changeGates(stageId, gates, useCases.clock));
    }

    /** Sets the reasons deals of the pipeline may be won and lost for (empty lists: any reason). */
    public Pipeline changeCloseReasons(PipelineId pipelineId, List<String> wonReasons, List<String> lostReasons) {
        return changePipeline(
                pipelineId, pipeline -> pipeline.changeCloseReasons(wonReasons, lostReasons, useCases.clock));
    }

    /** After how many days without activity an open deal of the pipeline is stale (null: never). */
    public Pipeline changeInactivityDays(PipelineId pipelineId, Integer days) {
        return changePipeline(pipelineId, pipeline -> pipeline.changeInactivityDays(days, useCases.clock));
    }

    private Pipeline changePipeline(PipelineId id, Consumer<Pipeline> change) {
        return useCases.write(() -> {
            Pipeline pipeline = loadPipeline(id);
            change.accept(pipeline);
            return useCases.save(pipeline, useCases.storage.pipelines()::save);
        });
    }

    private Pipeline loadPipeline(PipelineId id) {
        Require.notNull(id, "pipelineId");
        return Reads.found(useCases.pipelines().findById(useCases.tenant(), id), "Pipeline", id);
    }

    /** The pipeline; empty also when the acting user may not read it. */
    public Optional<Pipeline> pipeline(PipelineId id) {
        return useCases.pipelines().findById(useCases.tenant(), Require.notNull(id, "pipelineId"));
    }

    /** The tenant's pipelines that the acting user may read, by name. */
    public List<Pipeline> pipelines() {
        return useCases.pipelines().findAll(useCases.tenant());
    }
}
