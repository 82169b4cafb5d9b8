package org.crmkit.core.sales;

import org.crmkit.core.common.Require;

/**
 * What {@link StageGate}s judge: the opportunity as it is now, its pipeline, the stage whose gates are checked
 * ({@code entering}: the target, or a stage passed on the way when moving forward past several), the move's
 * {@code target}, and what is known about the opportunity's activities.
 */
public record ProposedMove(
        Opportunity deal, Pipeline pipeline, Stage entering, Stage target, ActivityEvidence activities) {

    public ProposedMove {
        Require.notNull(deal, "deal");
        Require.notNull(pipeline, "pipeline");
        Require.notNull(entering, "entering");
        Require.notNull(target, "target");
        Require.notNull(activities, "activities");
    }

    /** How many stages the move jumps over going forward (0 for the next stage or any move backwards). */
    public int stagesSkipped() {
        int from = pipeline.positionOf(deal.stage());
        int to = pipeline.positionOf(target.id());
        return Math.max(0, to - from - 1);
    }
}
