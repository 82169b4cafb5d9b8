package org.crmkit.core.merge;

import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.Require;

/**
 * A record found by an id or a lookup that may name a merged record: the record (the survivor when the id was
 * merged away), and, when it was, the merged id asked for ({@code redirectedFrom}) and the merge that redirects it
 * (the last one when the survivor was merged again). Both null when the record was found as itself.
 */
public record Resolved<T>(T record, UUID redirectedFrom, MergeId merge) {

    public Resolved {
        Require.notNull(record, "record");
        Require.that(
                (redirectedFrom == null) == (merge == null), "merge", "must be given together with redirectedFrom");
    }

    /** Whether the record was found through a merged record's id, e-mail or reference. */
    public boolean redirected() {
        return redirectedFrom != null;
    }

    /** The merged id asked for, when redirected. */
    public Optional<UUID> mergedId() {
        return Optional.ofNullable(redirectedFrom);
    }
}
