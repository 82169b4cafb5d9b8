package org.crmkit.core.sales;

import java.util.Set;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.UserId;

/**
 * An open deal found stale by a check: why, how many whole days it has rested in its stage and gone without
 * activity, the owner's task for it, and whether this check created that task ({@code newlyAlerted}) or an earlier
 * check already had.
 */
public record StaleDeal(
        OpportunityId opportunity,
        String name,
        UserId owner,
        Set<StaleReason> reasons,
        long daysInStage,
        long daysWithoutActivity,
        TaskId task,
        boolean newlyAlerted) {

    public StaleDeal {
        Require.notNull(opportunity, "opportunity");
        Require.notNull(owner, "owner");
        reasons = Set.copyOf(Require.noNulls(reasons, "reasons"));
        Require.notNull(task, "task");
    }
}
