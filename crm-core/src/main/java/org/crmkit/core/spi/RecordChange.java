package org.crmkit.core.spi;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * One committed change of a record at its {@code position} in the tenant's change feed: the record's type (the
 * aggregate's name, e.g. {@code Contact}, as in {@code DomainEvent.aggregateType()}), its id, the version the change
 * gave it (for a deletion: the version it had), what happened, the record it was merged into (only for
 * {@link ChangeKind#MERGED}), when the adapter took the change, and the record's {@link ChangeScope} after and before
 * the change ({@link ChangeScope#NONE} after a deletion, and before a creation).
 */
public record RecordChange(
        TenantId tenant,
        long position,
        String recordType,
        UUID recordId,
        long version,
        ChangeKind kind,
        UUID mergedInto,
        Instant changedAt,
        ChangeScope scope,
        ChangeScope previousScope) {

    public RecordChange {
        Require.notNull(tenant, "tenant");
        Require.that(position > 0, "position", "must be positive, was " + position);
        Require.notBlank(recordType, "recordType");
        Require.notNull(recordId, "recordId");
        Require.notNegative(version, "version");
        Require.notNull(kind, "kind");
        Require.that(
                (kind == ChangeKind.MERGED) == (mergedInto != null),
                "mergedInto",
                "is given for merges and only for them, was " + mergedInto + " for " + kind);
        Require.notNull(changedAt, "changedAt");
        Require.notNull(scope, "scope");
        Require.notNull(previousScope, "previousScope");
    }
}
