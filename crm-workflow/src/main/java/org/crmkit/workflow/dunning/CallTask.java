package org.crmkit.workflow.dunning;

import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.UserId;

/**
 * A level's call-queue entry: a crmkit task due {@code dueInDays} after the level is reached, for {@code assignee},
 * or else for the lead of {@code team}, or else (both null, or a team without a lead) for the account's owner.
 */
public record CallTask(UserId assignee, TeamId team, int dueInDays, TaskPriority priority) {

    public CallTask {
        Require.notNegative(dueInDays, "dueInDays");
        Require.that(assignee == null || team == null, "callTask", "give a user or a team, not both");
        priority = priority == null ? TaskPriority.HIGH : priority;
    }
}
