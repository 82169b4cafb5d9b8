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
 * @param reminderAt  optional; not after {@code dueAt}
 */
public record NewTask(String subject, String description, Instant dueAt, UserId assignee, TaskPriority priority,
                      RecordRef link, Instant reminderAt) {

    public NewTask {
        subject = Require.maxLength(Require.notBlank(subject, "subject"), NewActivity.MAX_SUBJECT, "subject");
        description = Require.maxLength(Require.optional(description), NewActivity.MAX_SUMMARY, "description");
        Require.notNull(dueAt, "dueAt");
        Require.notNull(assignee, "assignee");
        priority = priority == null ? TaskPriority.NORMAL : priority;
        if (reminderAt != null) {
            Require.that(!reminderAt.isAfter(dueAt), "reminderAt",
                    "must not be after the due time " + dueAt + ", was " + reminderAt);
        }
    }

    /** A task of normal priority with no description, link or reminder. */
    public static NewTask of(String subject, Instant dueAt, UserId assignee) {
        return new NewTask(subject, null, dueAt, assignee, TaskPriority.NORMAL, null, null);
    }

    public NewTask withDescription(String description) {
        return new NewTask(subject, description, dueAt, assignee, priority, link, reminderAt);
    }

    public NewTask withPriority(TaskPriority priority) {
        return new NewTask(subject, description, dueAt, assignee, Require.notNull(priority, "priority"), link,
                reminderAt);
    }

    public NewTask linkedTo(RecordRef link) {
        return new NewTask(subject, description, dueAt, assignee, priority, Require.notNull(link, "link"), reminderAt);
    }

    public NewTask withReminderAt(Instant reminderAt) {
        return new NewTask(subject, description, dueAt, assignee, priority, link,
                Require.notNull(reminderAt, "reminderAt"));
    }
}
