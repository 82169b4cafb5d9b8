package org.crmkit.core.duplicate;

import java.util.List;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * A stored contact or account that may be the same as the one checked: which record, its score (the sum of the
 * weights of the rules that matched, at most 100) and those rules with the values they matched on.
 */
public record DuplicateCandidate(RecordRef record, int score, List<RuleMatch> matches) {

    public DuplicateCandidate {
        Require.notNull(record, "record");
        matches = Require.noNulls(matches, "matches");
        Require.that(!matches.isEmpty(), "matches", "a candidate has at least one matched rule");
    }
}
