package org.crmkit.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.TenantId;

/**
 * The change feed as the storage keeps it: every repository of the adapter records each save and delete of a record
 * here, in the transaction of the change, and this port gives the committed changes positions 1, 2, 3... per tenant,
 * in an order in which a reader that has read up to a position never later finds a change below it (no change
 * commits "behind" a reader). It also keeps the durable positions of the tenant's named consumers. Implementations
 * are thread-safe; every method runs in the caller's transaction (the adapter's {@link Transactions}).
 */
public interface ChangeLog {

    /**
     * The tenant's committed changes after {@code position}, in position order, at most {@code limit}, of the record
     * types named (all types when empty). Committed changes without a position get theirs first, each after every
     * position given before.
     */
    List<RecordChange> after(TenantId tenant, long position, Set<String> recordTypes, int limit);

    /**
     * The tenant's committed changes after {@code position} that a device's slice needs (see {@link ScopeQuery}), in
     * position order, at most {@code limit}; numbers unnumbered committed changes first, as {@link #after} does.
     */
    List<RecordChange> afterInScope(TenantId tenant, long position, ScopeQuery query, int limit);

    /**
     * Gives positions to the tenant's committed changes that have none yet (as {@link #after} does first) and returns
     * the last position: every change committed before the call is at or below it.
     */
    long sequence(TenantId tenant);

    /** When the record's last change still kept was taken; empty when the feed keeps none. */
    Optional<Instant> lastChangedAt(TenantId tenant, UUID recordId);

    /** Where the tenant's feed stands; a tenant without changes gets a new head (position 0) with a new key. */
    FeedHead head(TenantId tenant);

    /**
     * Records that the record was merged into {@code survivor} of the same type and no longer exists, in the current
     * transaction; readers get a tombstone that redirects to the survivor. Requires an active transaction.
     */
    void recordMerge(TenantId tenant, String recordType, UUID merged, long version, UUID survivor);

    /**
     * Discards the longest run of the tenant's oldest changes taken before {@code before}: a reader whose cursor is
     * below the new {@link FeedHead#discardedUpTo()} must resync. Returns how many were discarded.
     */
    int discardChangedBefore(TenantId tenant, Instant before);

    /** The durable position of the tenant's named consumer; empty for a consumer never moved. */
    OptionalLong consumerPosition(TenantId tenant, String consumer);

    /** Stores the named consumer's position, creating the consumer on first use. */
    void moveConsumer(TenantId tenant, String consumer, long position);
}
