package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineState;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.spi.PipelineRepository;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.Test;

/** What every {@link PipelineRepository} must do. */
public abstract class PipelineRepositoryContract extends StorageContract {

    private PipelineRepository pipelines() {
        return storage.pipelines();
    }

    private Pipeline save(Pipeline pipeline) {
        return storage.transactions().inTransaction(() -> pipelines().save(pipeline));
    }

    @Test
    void roundTripKeepsEveryFieldAndTheStageOrder() {
        Pipeline pipeline = SalesMother.aPipeline(TENANT_A, ids, clock);

        save(pipeline);

        Pipeline found = pipelines().findById(TENANT_A, pipeline.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(pipeline.state());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void roundTripKeepsGatesOfEveryKindCloseReasonsAndInactivityDays() {
        Pipeline pipeline = SalesMother.aGatedPipeline(TENANT_A, ids, clock);

        save(pipeline);

        Pipeline found = pipelines().findById(TENANT_A, pipeline.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(pipeline.state());
        assertThat(found.stages()).extracting(stage -> stage.gates().size()).containsExactly(0, 4, 1, 1, 0);
        assertThat(found.lostReasons()).containsExactly("Price", "No budget", "Competitor");
        assertThat(found.inactivityDays()).isEqualTo(21);
    }

    @Test
    void listsTheTenantsPipelinesByName() {
        save(SalesMother.aPipeline(TENANT_A, ids, clock, "Renewals"));
        save(SalesMother.aPipeline(TENANT_A, ids, clock, "New business"));
        save(SalesMother.aPipeline(TENANT_B, ids, clock, "Partners"));

        assertThat(pipelines().findAll(TENANT_A))
                .extracting(Pipeline::name)
                .containsExactly("New business", "Renewals");
    }

    @Test
    void aStaleCopyIsRefused() {
        Pipeline stored = save(SalesMother.aPipeline(TENANT_A, ids, clock));
        Pipeline one = pipelines().findById(TENANT_A, stored.id()).orElseThrow();
        Pipeline two = pipelines().findById(TENANT_A, stored.id()).orElseThrow();
        one.renameStage(stored.stages().get(0).id(), "Discover", clock);
        two.renameStage(stored.stages().get(0).id(), "Explore", clock);

        save(one);

        assertThatThrownBy(() -> save(two)).isInstanceOf(StaleVersionException.class);
        assertThat(pipelines()
                        .findById(TENANT_A, stored.id())
                        .orElseThrow()
                        .stages()
                        .get(0)
                        .name())
                .isEqualTo("Discover");
    }

    @Test
    void anotherTenantNeitherSeesNorChangesThePipeline() {
        Pipeline stored = save(SalesMother.aPipeline(TENANT_A, ids, clock));

        assertThat(pipelines().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(pipelines().findAll(TENANT_B)).isEmpty();
        PipelineState s = stored.state();
        Pipeline intruder = Pipeline.restore(new PipelineState(
                TENANT_B,
                s.id(),
                s.version(),
                "Hijacked",
                s.stages(),
                s.wonReasons(),
                s.lostReasons(),
                s.inactivityDays(),
                s.createdAt(),
                s.owner()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(pipelines().findById(TENANT_A, stored.id()).orElseThrow().name())
                .isEqualTo(stored.name());
    }

    @Test
    void concurrentStageAdditionsAreNotLost() throws InterruptedException {
        Pipeline stored = save(SalesMother.aPipeline(TENANT_A, ids, clock));
        int writers = 5;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String name = "Extra " + i;
            tasks.add(() -> {
                while (true) {
                    try {
                        Pipeline pipeline =
                                pipelines().findById(TENANT_A, stored.id()).orElseThrow();
                        pipeline.addStage(Stage.open(StageId.next(ids), name, 20, ForecastCategory.PIPELINE), 0, clock);
                        save(pipeline);
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(pipelines().findById(TENANT_A, stored.id()).orElseThrow().stages())
                .hasSize(5 + writers);
    }
}
