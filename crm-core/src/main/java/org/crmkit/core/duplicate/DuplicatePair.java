package org.crmkit.core.duplicate;

import java.util.List;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/** Two records a scan found alike: their score, the rules that matched and the blocking keys they shared. */
public record DuplicatePair(
        RecordRef first, RecordRef second, int score, List<RuleMatch> matches, List<String> blockingKeys) {

    public DuplicatePair {
        Require.notNull(first, "first");
        Require.notNull(second, "second");
        matches = Require.noNulls(matches, "matches");
        blockingKeys = Require.noNulls(blockingKeys, "blockingKeys");
    }
}
