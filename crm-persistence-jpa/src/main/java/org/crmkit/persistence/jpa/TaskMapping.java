package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.activity.TaskStatus;

/**
 * Tasks in {@code crm_task}. Query columns: the assignee, the status, the due time, the linked record (type and
 * id), the reminder time and when the reminder was sent. No lookup keys.
 */
final class TaskMapping implements AggregateMapping<TaskState, TaskRow> {

    /** Due time, then id. */
    static final String DUE_ORDER = "r.dueAt, r.id";

    /** Reminder time, then id. */
    static final String REMINDER_ORDER = "r.reminderAt, r.id";

    /** The statuses of tasks still to be done, as stored. */
    static final List<String> ACTIVE =
            TaskStatus.ACTIVE.stream().map(TaskStatus::name).sorted().toList();

    @Override
    public String recordType() {
        return "Task";
    }

    @Override
    public Class<TaskState> stateType() {
        return TaskState.class;
    }

    @Override
    public Class<TaskRow> rowType() {
        return TaskRow.class;
    }

    @Override
    public TaskRow newRow() {
        return new TaskRow();
    }

    @Override
    public void writeColumns(TaskState state, TaskRow row) {
        row.assigneeId = state.assignee().value();
        row.status = state.status().name();
        row.dueAt = state.dueAt();
        row.linkType = state.link() == null ? null : state.link().type().name();
        row.linkId = state.link() == null ? null : state.link().id();
        row.reminderAt = state.reminderAt();
        row.reminderSentAt = state.reminderSentAt();
    }
}
