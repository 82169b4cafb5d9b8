package org.crmkit.core.activity;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Every field of a {@link Task}, as storage adapters keep it. {@code description}, {@code link},
 * {@code reminderAt}, {@code reminderSentAt}, {@code completedAt}, {@code completedBy}, {@code recurrence},
 * {@code reminderLead}, {@code nextOccurrence}, {@code overdueNoticeSentAt}, {@code escalatedAt} and
 * {@code escalatedTo} may be null.
 */
public record TaskState(
        TenantId tenant,
        TaskId id,
        long version,
        String subject,
        String description,
        Instant dueAt,
        UserId assignee,
        TaskPriority priority,
        TaskStatus status,
        RecordRef link,
        Instant reminderAt,
        Instant reminderSentAt,
        Instant createdAt,
        Actor createdBy,
        Instant completedAt,
        Actor completedBy,
        TaskRecurrence recurrence,
        Duration reminderLead,
        TaskId nextOccurrence,
        Instant overdueNoticeSentAt,
        Instant escalatedAt,
        UserId escalatedTo)
        implements AggregateState<TaskState> {

    public TaskState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(subject, "subject");
        Require.notNull(dueAt, "dueAt");
        Require.notNull(assignee, "assignee");
        Require.notNull(priority, "priority");
        Require.notNull(status, "status");
        Require.notNull(createdAt, "createdAt");
        Require.notNull(createdBy, "createdBy");
    }

    @Override
    public TaskState withVersion(long version) {
        return new TaskState(
                tenant,
                id,
                version,
                subject,
                description,
                dueAt,
                assignee,
                priority,
                status,
                link,
                reminderAt,
                reminderSentAt,
                createdAt,
                createdBy,
                completedAt,
                completedBy,
                recurrence,
                reminderLead,
                nextOccurrence,
                overdueNoticeSentAt,
                escalatedAt,
                escalatedTo);
    }
}
