package org.crmkit.core.activity;

import java.time.Instant;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * What to create as a task. {@link Task#create} checks the rules that need the clock (due not before creation).
 *
 * @param description optional, at most 10,000 characters
 * @param priority    {@link TaskPriority#NORMAL} when null
 * @param link        optional record the task is about (a contact, an opportunity, an invoice...)
 * @param reminderAt  optional; not after {@code dueAt}; its distance to {@code dueAt} is kept for the next
 *                    occurrences of a recurring task
 * @param recurrence  optional; when set, completing the task creates its next occurrence
 */
public record NewTask(
        String subject,
        String description,
        Instant dueAt,
        UserId assignee,
        TaskPriority priority,
        RecordRef link,
        Instant reminderAt,
        TaskRecurrence recurrence) {

    public NewTask {
        subject = Require.maxLength(Require.notBlank(subject, "subject"), NewActivity.MAX_SUBJECT, "subject");
        description = Require.maxLength(Require.optional(description), NewActivity.MAX_SUMMARY, "description");
        Require.notNull(dueAt, "dueAt");
        Require.notNull(assignee, "assignee");
        priority = priority == null ? TaskPriority.NORMAL : priority;
        if (reminderAt != null) {
            Require.that(
                    !reminderAt.isAfter(dueAt),
                    "reminderAt",
                    "must not be after the due time " + dueAt + ", was " + reminderAt);
        }
    }

    /** A task that does not repeat. */
    public NewTask(
            String subject,
            String description,
            Instant dueAt,
            UserId assignee,
            TaskPriority priority,
            RecordRef link,
            Instant reminderAt) {
        this(subject, description, dueAt, assignee, priority, link, reminderAt, null);
    }

    /** A task of normal priority with no description, link, reminder or recurrence. */
    public static NewTask of(String subject, Instant dueAt, UserId assignee) {
        return new NewTask(subject, null, dueAt, assignee, TaskPriority.NORMAL, null, null, null);
    }

    public NewTask withDescription(String description) {
        return new NewTask(subject, description, dueAt, assignee, priority, link, reminderAt, recurrence);
    }

    public NewTask withPriority(TaskPriority priority) {
        return new NewTask(
                subject,
                description,
                dueAt,
                assignee,
                Require.notNull(priority, "priority"),
                link,
                reminderAt,
                recurrence);
    }

    public NewTask linkedTo(RecordRef link) {
        return new NewTask(
                subject, description, dueAt, assignee, priority, Require.notNull(link, "link"), reminderAt, recurrence);
    }

    public NewTask withReminderAt(Instant reminderAt) {
        return new NewTask(
                subject,
                description,
                dueAt,
                assignee,
                priority,
                link,
                Require.notNull(reminderAt, "reminderAt"),
                recurrence);
    }

    /** The task repeats; {@code dueAt} is the first occurrence. */
    public NewTask repeating(TaskRecurrence recurrence) {
        return new NewTask(
                subject,
                description,
                dueAt,
                assignee,
                priority,
                link,
                reminderAt,
                Require.notNull(recurrence, "recurrence"));
    }
}
