package org.crmkit.core.common;

import java.util.UUID;

/** Id of a merge of contacts or accounts ({@code MergeRecord}). */
public record MergeId(UUID value) implements EntityId {

    public MergeId {
        Require.notNull(value, "mergeId");
    }

    public static MergeId of(UUID value) {
        return new MergeId(value);
    }

    /** Parses the canonical UUID text; refuses anything else with an error naming the field. */
    public static MergeId parse(String text) {
        return new MergeId(Ids.parseUuid(text, "mergeId"));
    }

    /** A new time-ordered id. */
    public static MergeId next(IdGenerator ids) {
        return new MergeId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
