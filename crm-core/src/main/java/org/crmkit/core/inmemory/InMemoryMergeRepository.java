package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.spi.MergeRepository;

final class InMemoryMergeRepository implements MergeRepository {

    private static final Comparator<MergeRecord> OLDEST_FIRST = Comparator.comparing(MergeRecord::mergedAt)
            .thenComparing(merge -> merge.id().value());

    private final VersionedStore<MergeRecord> store;
    private final InMemoryIndex<MergeRecord> byMergedInForce;
    private final InMemoryIndex<MergeRecord> byInvolved;

    InMemoryMergeRepository(InMemoryTransactions transactions) {
        this.store = VersionedStore.outsideChangeFeed("Merge", transactions);
        this.byMergedInForce =
                store.index(new InMemoryIndex<>(merge -> merge.inForce() ? merge.mergedRefs() : List.of()));
        this.byInvolved = store.index(new InMemoryIndex<>(MergeRecord::involved));
    }

    @Override
    public MergeRecord save(MergeRecord merge) {
        return store.save(Require.notNull(merge, "merge"));
    }

    @Override
    public Optional<MergeRecord> findById(TenantId tenant, MergeId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"));
    }

    @Override
    public Optional<MergeRecord> findInForceMerging(TenantId tenant, RecordRef merged) {
        Require.notNull(tenant, "tenant");
        Require.notNull(merged, "merged");
        return store.findAll(tenant, byMergedInForce.lookup(tenant, merged)).stream()
                .filter(merge -> merge.inForce() && merge.mergedRefs().contains(merged))
                .findFirst();
    }

    @Override
    public List<MergeRecord> findInvolving(TenantId tenant, RecordRef record) {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        return store.findAll(tenant, byInvolved.lookup(tenant, record)).stream()
                .filter(merge -> merge.involved().contains(record))
                .sorted(OLDEST_FIRST)
                .toList();
    }
}
