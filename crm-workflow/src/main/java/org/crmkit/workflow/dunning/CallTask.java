package org.crmkit.workflow.dunning;

import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * A level's call-queue entry: a crmkit task for {@code assignee} (null: the account's owner), due
 * {@code dueInDays} after the level is reached.
 */
public record CallTask(UserId assignee, int dueInDays, TaskPriority priority) {

    public CallTask {
        Require.notNegative(dueInDays, "dueInDays");
        priority = priority == null ? TaskPriority.HIGH : priority;
    }
}
