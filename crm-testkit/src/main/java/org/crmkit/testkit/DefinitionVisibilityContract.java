package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.spi.PipelineRepository;
import org.crmkit.core.spi.SegmentRepository;
import org.crmkit.testkit.fixtures.SalesMother;
import org.crmkit.testkit.fixtures.SegmentMother;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the pipeline and segment repositories must do, query by query: definitions
 * have an owner and no territory, so the owner, its team and manager hierarchy, and shares decide; a definition
 * without an owner is reached through a share only. Extend it and supply the storage.
 */
public abstract class DefinitionVisibilityContract extends VisibilityFixture {

    /** Owners of visible definitions (own, the mate's, shared with the viewer, shared with its team), then hidden. */
    private List<UserId> owners() {
        List<UserId> owners = new ArrayList<>(List.of(viewer.id(), mate.id(), stranger, stranger));
        for (int i = 0; i < HIDDEN; i++) {
            owners.add(i % 2 == 0 ? stranger : null);
        }
        return owners;
    }

    @Test
    void everyPipelineQuerySeesOnlyTheVisiblePipelines() {
        List<Pipeline> stored = new ArrayList<>();
        List<UserId> owners = owners();
        for (int i = 0; i < owners.size(); i++) {
            UserId owner = owners.get(i);
            stored.add(inTransaction(() -> storage.pipelines()
                    .save(SalesMother.aPipeline(TENANT_A, ids, clock, "Pipeline " + stored.size(), owner))));
        }
        share(RecordRef.of(RecordType.PIPELINE, stored.get(2).id()), viewer.id());
        share(RecordRef.of(RecordType.PIPELINE, stored.get(3).id()), team.id());
        List<Object> visible = ids(stored.subList(0, 4), Pipeline::id);
        PipelineRepository pipelines = storage.pipelines().visibleTo(visibility);

        assertThat(ids(pipelines.findAll(TENANT_A), Pipeline::id)).containsExactlyElementsOf(visible);
        assertThat(pipelines.findAll(TENANT_B)).isEmpty();
        for (int i = 0; i < stored.size(); i++) {
            assertThat(pipelines.findById(TENANT_A, stored.get(i).id()).isPresent())
                    .as("pipeline %d", i)
                    .isEqualTo(i < 4);
        }
        assertThat(pipelines
                        .findById(TENANT_A, stored.get(0).id())
                        .orElseThrow()
                        .owner())
                .isEqualTo(viewer.id());
        User admin = User.register(TENANT_A, UserId.next(ids), "Admin", EMAIL, List.of(Role.ADMIN), clock);
        assertThat(storage.pipelines()
                        .visibleTo(Visibility.of(admin, List.of(), List.of()))
                        .findAll(TENANT_A))
                .hasSize(stored.size());
    }

    @Test
    void everySegmentQuerySeesOnlyTheVisibleSegmentsInFullPages() {
        List<Segment> stored = new ArrayList<>();
        for (UserId owner : owners()) {
            stored.add(inTransaction(() -> storage.segments()
                    .save(SegmentMother.aSegment(TENANT_A, ids, clock, "Segment " + stored.size(), owner))));
        }
        share(RecordRef.of(RecordType.SEGMENT, stored.get(2).id()), viewer.id());
        share(RecordRef.of(RecordType.SEGMENT, stored.get(3).id()), team.id());
        SegmentRepository segments = storage.segments().visibleTo(visibility);

        assertThat(ids(segments.findAll(TENANT_A, PageRequest.first(20)).items(), Segment::id))
                .containsExactlyElementsOf(ids(stored.subList(0, 4), Segment::id));
        assertThat(segments.findAll(TENANT_A, PageRequest.first(3)).items()).hasSize(3);
        assertThat(segments.findAll(TENANT_A, PageRequest.first(3)).totalElements())
                .isEqualTo(4);
        assertThat(segments.findAll(TENANT_B, PageRequest.first(20)).items()).isEmpty();
        for (int i = 0; i < stored.size(); i++) {
            assertThat(segments.findById(TENANT_A, stored.get(i).id()).isPresent())
                    .as("segment %d", i)
                    .isEqualTo(i < 4);
        }
        assertThat(segments.findById(TENANT_A, stored.get(1).id()).orElseThrow().owner())
                .isEqualTo(mate.id());
    }
}
