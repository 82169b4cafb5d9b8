package org.crmkit.core.duplicate;

import java.util.List;
import org.crmkit.core.common.Require;

/**
 * What a duplicate scan found: how many records it read, how many pairs it compared (the blocking keys keep this
 * near-linear in the records instead of quadratic), and the clusters, largest first.
 */
public record DuplicateScanResult(int recordsRead, long pairsCompared, List<DuplicateCluster> clusters) {

    public DuplicateScanResult {
        clusters = Require.noNulls(clusters, "clusters");
    }
}
