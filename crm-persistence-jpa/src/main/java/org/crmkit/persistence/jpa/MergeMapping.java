package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.merge.MergeRecord;

/**
 * Merges of contacts and accounts in {@code crm_merge}; the document holds the whole record with its before-image.
 * Query columns: the type, the survivor, the time and whether it is in force. Lookup keys: each record it involves
 * ({@value #INVOLVES}, survivor and merged), and, while it is in force, each merged record ({@value #MERGED}): the
 * redirect of a merged id is one index lookup.
 */
final class MergeMapping implements AggregateMapping<MergeRecord, MergeRow> {

    static final String INVOLVES = "merge.involves";
    static final String MERGED = "merge.merged";

    /** Oldest first: the time of the merge, then id. */
    static final String OLDEST_FIRST = "r.mergedAt, r.id";

    @Override
    public boolean inChangeFeed() {
        return false;
    }

    @Override
    public String recordType() {
        return "Merge";
    }

    @Override
    public Class<MergeRecord> stateType() {
        return MergeRecord.class;
    }

    @Override
    public Class<MergeRow> rowType() {
        return MergeRow.class;
    }

    @Override
    public MergeRow newRow() {
        return new MergeRow();
    }

    @Override
    public void writeColumns(MergeRecord merge, MergeRow row) {
        row.recordType = merge.type().name();
        row.survivorId = merge.survivor();
        row.mergedAt = merge.mergedAt();
        row.inForce = merge.inForce();
    }

    @Override
    public List<LookupKey> lookupKeys(MergeRecord merge) {
        List<LookupKey> keys = new ArrayList<>();
        for (RecordRef record : merge.involved()) {
            keys.add(LookupKey.of(INVOLVES, record));
        }
        if (merge.inForce()) {
            for (RecordRef merged : merge.mergedRefs()) {
                keys.add(LookupKey.of(MERGED, merged));
            }
        }
        return keys;
    }
}
