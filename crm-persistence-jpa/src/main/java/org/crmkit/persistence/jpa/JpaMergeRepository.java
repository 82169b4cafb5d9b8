package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.MergeId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.spi.MergeRepository;

/** Merges in {@code crm_merge} (see {@link MergeMapping}). */
final class JpaMergeRepository implements MergeRepository {

    private final AggregateTable<MergeRecord, MergeRow> merges;

    JpaMergeRepository(AggregateTable<MergeRecord, MergeRow> merges) {
        this.merges = merges;
    }

    @Override
    public MergeRecord save(MergeRecord merge) {
        return merges.save(Require.notNull(merge, "merge"));
    }

    @Override
    public Optional<MergeRecord> findById(TenantId tenant, MergeId id) {
        return merges.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"));
    }

    @Override
    public Optional<MergeRecord> findInForceMerging(TenantId tenant, RecordRef merged) {
        return merges
                .list(
                        Require.notNull(tenant, "tenant"),
                        RowQuery.withRecordKey(MergeMapping.MERGED, Require.notNull(merged, "merged"))
                                .and("r.inForce = true"))
                .stream()
                .findFirst();
    }

    @Override
    public List<MergeRecord> findInvolving(TenantId tenant, RecordRef record) {
        return merges.list(
                Require.notNull(tenant, "tenant"),
                RowQuery.withRecordKey(MergeMapping.INVOLVES, Require.notNull(record, "record"))
                        .orderBy(MergeMapping.OLDEST_FIRST));
    }
}
