package org.crmkit.core.common;

import java.util.UUID;

/** Id of a segment record. */
public record SegmentId(UUID value) implements EntityId {

    public SegmentId {
        Require.notNull(value, "segmentId");
    }

    public static SegmentId of(UUID value) {
        return new SegmentId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static SegmentId parse(String text) {
        return new SegmentId(Ids.parseUuid(text, "segmentId"));
    }

    /** A new time-ordered id. */
    public static SegmentId next(IdGenerator ids) {
        return new SegmentId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
