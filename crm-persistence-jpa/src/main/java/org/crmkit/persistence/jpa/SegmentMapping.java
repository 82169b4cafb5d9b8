package org.crmkit.persistence.jpa;

import org.crmkit.core.marketing.SegmentState;

/**
 * Segments in {@code crm_segment}. Query columns: the lower-cased name for name order, and the owner (null: none),
 * for visibility.
 */
final class SegmentMapping implements AggregateMapping<SegmentState, SegmentRow> {

    /** Name ignoring case, then id. */
    static final String NAME_ORDER = "r.nameOrder, r.id";

    @Override
    public String recordType() {
        return "Segment";
    }

    @Override
    public Class<SegmentState> stateType() {
        return SegmentState.class;
    }

    @Override
    public Class<SegmentRow> rowType() {
        return SegmentRow.class;
    }

    @Override
    public SegmentRow newRow() {
        return new SegmentRow();
    }

    @Override
    public void writeColumns(SegmentState state, SegmentRow row) {
        row.nameOrder = AggregateMapping.lower(state.name());
        row.ownerId = AggregateMapping.uuid(state.owner());
    }
}
