package org.crmkit.core.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * When the assignee of a task hears about it: a reminder some time before the due time (for tasks created
 * without a reminder of their own), a notice once the task is overdue, and an escalation (to the assignee's team
 * lead) once it has been overdue for a while. Any of the three may be switched off (null).
 *
 * <pre>{@code
 * TaskReminderPolicy.standard().withLeadTime(Duration.ofMinutes(30)).escalatingAfter(Duration.ofDays(2))
 * }</pre>
 *
 * @param leadTime           how long before the due time a task without its own reminder is reminded of; null:
 *                           such tasks get no reminder
 * @param overdueNoticeAfter how long after the due time the overdue notice goes out; null: none
 * @param escalateAfter      how long after the due time an overdue task is escalated; null: never; not before
 *                           the overdue notice
 */
public record TaskReminderPolicy(Duration leadTime, Duration overdueNoticeAfter, Duration escalateAfter) {

    public TaskReminderPolicy {
        requireNotNegative(leadTime, "leadTime");
        requireNotNegative(overdueNoticeAfter, "overdueNoticeAfter");
        requireNotNegative(escalateAfter, "escalateAfter");
        if (overdueNoticeAfter != null && escalateAfter != null) {
            Require.that(
                    escalateAfter.compareTo(overdueNoticeAfter) >= 0,
                    "escalateAfter",
                    "must not be before the overdue notice (" + overdueNoticeAfter + "), was " + escalateAfter);
        }
    }

    /** No default reminder; the overdue notice as soon as the task is overdue; escalation after three days. */
    public static TaskReminderPolicy standard() {
        return new TaskReminderPolicy(null, Duration.ZERO, Duration.ofDays(3));
    }

    public TaskReminderPolicy withLeadTime(Duration leadTime) {
        return new TaskReminderPolicy(Require.notNull(leadTime, "leadTime"), overdueNoticeAfter, escalateAfter);
    }

    public TaskReminderPolicy withOverdueNoticeAfter(Duration after) {
        return new TaskReminderPolicy(leadTime, Require.notNull(after, "overdueNoticeAfter"), escalateAfter);
    }

    public TaskReminderPolicy withoutOverdueNotice() {
        return new TaskReminderPolicy(leadTime, null, escalateAfter);
    }

    public TaskReminderPolicy escalatingAfter(Duration after) {
        return new TaskReminderPolicy(leadTime, overdueNoticeAfter, Require.notNull(after, "escalateAfter"));
    }

    public TaskReminderPolicy withoutEscalation() {
        return new TaskReminderPolicy(leadTime, overdueNoticeAfter, null);
    }

    /**
     * The reminder for a new task without one: {@code leadTime} before its due time, but not before {@code now};
     * empty when the policy sets no lead time.
     */
    public Optional<Instant> defaultReminderAt(Instant dueAt, Instant now) {
        Require.notNull(dueAt, "dueAt");
        Require.notNull(now, "now");
        if (leadTime == null) {
            return Optional.empty();
        }
        Instant reminder = dueAt.minus(leadTime);
        return Optional.of(reminder.isBefore(now) ? (now.isAfter(dueAt) ? dueAt : now) : reminder);
    }

    /** Whether the task's overdue notice is due by {@code asOf} and not sent yet. */
    public boolean overdueNoticeDue(Task task, Instant asOf) {
        Require.notNull(task, "task");
        Require.notNull(asOf, "asOf");
        return overdueNoticeAfter != null
                && task.isOverdue(asOf)
                && task.overdueNoticeSentAt() == null
                && !task.dueAt().plus(overdueNoticeAfter).isAfter(asOf);
    }

    /** Whether the task is to be escalated by {@code asOf} and was not escalated yet. */
    public boolean escalationDue(Task task, Instant asOf) {
        Require.notNull(task, "task");
        Require.notNull(asOf, "asOf");
        return escalateAfter != null
                && task.isOverdue(asOf)
                && task.escalatedAt() == null
                && !task.dueAt().plus(escalateAfter).isAfter(asOf);
    }

    private static void requireNotNegative(Duration duration, String field) {
        if (duration != null) {
            Require.that(!duration.isNegative(), field, "must not be negative, was " + duration);
        }
    }
}
