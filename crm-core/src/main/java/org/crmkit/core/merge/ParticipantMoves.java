package org.crmkit.core.merge;

import java.util.List;
import org.crmkit.core.common.Require;

/**
 * What a {@link org.crmkit.core.spi.MergeParticipant} moved in a merge, in its own words (e.g. a dunning case's id
 * with the account it belonged to), kept in the merge record and handed back to it on unmerge.
 */
public record ParticipantMoves(String participant, List<String> moved) {

    public ParticipantMoves {
        Require.notBlank(participant, "participant");
        moved = Require.noNulls(moved, "moved");
    }
}
