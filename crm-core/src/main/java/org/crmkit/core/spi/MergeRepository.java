package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.merge.MergeRecord;

/**
 * Stores merge records ({@code crm.merges()}). All arguments are required; every query sees only the given tenant's
 * merges. Writes join the caller's transaction. Implementations are thread-safe; crm-testkit's {@code
 * MergeContract} tells whether one is right.
 */
public interface MergeRepository {

    /**
     * Stores the merge when its version equals the stored one (0 for a new merge) and returns it with the next
     * version; {@code StaleVersionException} when it was changed in between.
     */
    MergeRecord save(MergeRecord merge);

    Optional<MergeRecord> findById(TenantId tenant, MergeId id);

    /**
     * The merge in force that merged the record away (the record is among its {@code merged}), found through one
     * index; empty when the record was never merged away or every such merge was undone.
     */
    Optional<MergeRecord> findInForceMerging(TenantId tenant, RecordRef merged);

    /** Every merge, in force or undone, with the record as survivor or as a merged record; oldest first. */
    List<MergeRecord> findInvolving(TenantId tenant, RecordRef record);
}
