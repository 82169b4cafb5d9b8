package org.crmkit.core.common;

import java.util.UUID;

/** Id of a pipeline record. */
public record PipelineId(UUID value) implements EntityId {

    public PipelineId {
        Require.notNull(value, "pipelineId");
    }

    public static PipelineId of(UUID value) {
        return new PipelineId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static PipelineId parse(String text) {
        return new PipelineId(Ids.parseUuid(text, "pipelineId"));
    }

    /** A new time-ordered id. */
    public static PipelineId next(IdGenerator ids) {
        return new PipelineId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
