package org.crmkit.core.duplicate;

import java.util.List;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * Records a scan found to be possibly one (two or more): the records by id, and the pairs that tied them together,
 * each with its score, matched rules and the blocking keys under which the pair was compared.
 */
public record DuplicateCluster(List<RecordRef> records, List<DuplicatePair> pairs) {

    public DuplicateCluster {
        records = Require.noNulls(records, "records");
        pairs = Require.noNulls(pairs, "pairs");
    }
}
