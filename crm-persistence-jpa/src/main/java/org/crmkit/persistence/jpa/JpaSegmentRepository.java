package org.crmkit.persistence.jpa;

import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentState;
import org.crmkit.core.spi.SegmentRepository;

/** Segments in {@code crm_segment} (see {@link SegmentMapping}). */
final class JpaSegmentRepository implements SegmentRepository {

    private final StoredAggregates<Segment, SegmentState, SegmentRow> segments;
    private final AggregateTable<SegmentState, SegmentRow> table;

    JpaSegmentRepository(AggregateTable<SegmentState, SegmentRow> table) {
        this.table = table;
        this.segments = new StoredAggregates<>(table, Segment::state, Segment::restore, "segment");
    }

    @Override
    public SegmentRepository visibleTo(Visibility visibility) {
        return new JpaSegmentRepository(table.restrictedTo(new VisibleRows(visibility, null)));
    }

    @Override
    public Optional<Segment> findById(TenantId tenant, SegmentId id) {
        return segments.findById(tenant, id);
    }

    @Override
    public Segment save(Segment segment) {
        return segments.save(segment);
    }

    @Override
    public boolean delete(TenantId tenant, SegmentId id, long expectedVersion) {
        return segments.delete(tenant, id, expectedVersion);
    }

    @Override
    public Page<Segment> findAll(TenantId tenant, PageRequest page) {
        return segments.page(tenant, RowQuery.all().orderBy(SegmentMapping.NAME_ORDER), page);
    }
}
