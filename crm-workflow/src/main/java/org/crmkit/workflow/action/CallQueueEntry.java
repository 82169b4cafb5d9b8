package org.crmkit.workflow.action;

import org.crmkit.core.activity.NewTask;
import org.crmkit.core.common.Require;

/**
 * A call for staff to make: delivered by creating the task in crmkit's task list, in the same transaction that
 * marks the action delivered, so the task exists exactly once.
 */
public record CallQueueEntry(NewTask task) implements ActionPayload {

    public CallQueueEntry {
        Require.notNull(task, "task");
    }

    @Override
    public String describe() {
        return "call task '" + task.subject() + "' for " + task.assignee();
    }
}
