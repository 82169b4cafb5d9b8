package org.crmkit.persistence.jpa;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TaskRepository;

/** Tasks in {@code crm_task} (see {@link TaskMapping}). */
final class JpaTaskRepository implements TaskRepository {

    private final StoredAggregates<Task, TaskState, TaskRow> tasks;

    private final AggregateTable<TaskState, TaskRow> table;

    JpaTaskRepository(AggregateTable<TaskState, TaskRow> table) {
        this.table = table;
        this.tasks = new StoredAggregates<>(table, Task::state, Task::restore, "task");
    }

    @Override
    public TaskRepository visibleTo(Visibility visibility) {
        return new JpaTaskRepository(table.restrictedTo(VisibleChildren.ofTask(visibility)));
    }

    @Override
    public Optional<Task> findById(TenantId tenant, TaskId id) {
        return tasks.findById(tenant, id);
    }

    @Override
    public Task save(Task task) {
        return tasks.save(task);
    }

    @Override
    public Page<Task> findByAssignee(TenantId tenant, UserId assignee, Set<TaskStatus> statuses, PageRequest page) {
        RowQuery query = RowQuery.where("r.assigneeId = :assignee")
                .bind("assignee", Require.notNull(assignee, "assignee").value());
        if (!Require.noNulls(statuses, "statuses").isEmpty()) {
            query = query.and("r.status in :statuses")
                    .bind("statuses", statuses.stream().map(TaskStatus::name).toList());
        }
        return tasks.page(tenant, query.orderBy(TaskMapping.DUE_ORDER), page);
    }

    @Override
    public Page<Task> findOverdue(TenantId tenant, Instant asOf, PageRequest page) {
        return tasks.page(
                tenant,
                active().and("r.dueAt < :asOf")
                        .bind("asOf", Require.notNull(asOf, "asOf"))
                        .orderBy(TaskMapping.DUE_ORDER),
                page);
    }

    @Override
    public Page<Task> findDueBetween(TenantId tenant, Instant from, Instant until, PageRequest page) {
        return tasks.page(
                tenant,
                active().and("r.dueAt >= :from and r.dueAt < :until")
                        .bind("from", Require.notNull(from, "from"))
                        .bind("until", Require.notNull(until, "until"))
                        .orderBy(TaskMapping.DUE_ORDER),
                page);
    }

    @Override
    public Page<Task> findByLink(TenantId tenant, RecordRef link, PageRequest page) {
        Require.notNull(link, "link");
        return tasks.page(
                tenant,
                RowQuery.where("r.linkId = :linkId and r.linkType = :linkType")
                        .bind("linkId", link.id())
                        .bind("linkType", link.type().name())
                        .orderBy(TaskMapping.DUE_ORDER),
                page);
    }

    @Override
    public Page<Task> findRemindersDue(TenantId tenant, Instant asOf, PageRequest page) {
        return tasks.page(
                tenant,
                active().and("r.reminderSentAt is null and r.reminderAt <= :asOf")
                        .bind("asOf", Require.notNull(asOf, "asOf"))
                        .orderBy(TaskMapping.REMINDER_ORDER),
                page);
    }

    private static RowQuery active() {
        return RowQuery.where("r.status in :active").bind("active", TaskMapping.ACTIVE);
    }
}
