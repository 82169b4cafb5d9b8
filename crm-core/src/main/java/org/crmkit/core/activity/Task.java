package org.crmkit.core.activity;

import java.time.Clock;
import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Something a user has to do by a due time: call back, send an offer, check a payment. It may be linked to any
 * record and may carry a reminder (at or before the due time) that workflows send once it is due.
 *
 * <p>Status moves follow {@link TaskStatus#canMoveTo}; any other move throws an
 * {@link IllegalTransitionException} naming both statuses. Not thread-safe.
 */
public final class Task extends AggregateRoot<TaskId> {

    private static final String TYPE = "Task";

    private final String subject;
    private final String description;
    private Instant dueAt;
    private UserId assignee;
    private final TaskPriority priority;
    private TaskStatus status;
    private final RecordRef link;
    private Instant reminderAt;
    private Instant reminderSentAt;
    private final Instant createdAt;
    private final Actor createdBy;
    private Instant completedAt;
    private Actor completedBy;

    private Task(TaskState state) {
        super(state.tenant(), state.id(), state.version());
        this.subject = state.subject();
        this.description = state.description();
        this.dueAt = state.dueAt();
        this.assignee = state.assignee();
        this.priority = state.priority();
        this.status = state.status();
        this.link = state.link();
        this.reminderAt = state.reminderAt();
        this.reminderSentAt = state.reminderSentAt();
        this.createdAt = state.createdAt();
        this.createdBy = state.createdBy();
        this.completedAt = state.completedAt();
        this.completedBy = state.completedBy();
    }

    /** Creates an open task; its due time must not lie before the moment of creation. */
    public static Task create(TenantId tenant, TaskId id, NewTask details, Actor actor, Clock clock) {
        Require.notNull(details, "details");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        Require.that(!details.dueAt().isBefore(now), "dueAt",
                "must not be before the task is created (" + now + "), was " + details.dueAt());
        Task task = new Task(new TaskState(tenant, id, 0, details.subject(), details.description(), details.dueAt(),
                details.assignee(), details.priority(), TaskStatus.OPEN, details.link(), details.reminderAt(), null,
                now, actor, null, null));
        task.record(new TaskCreated(tenant, id.value(), now, details.subject(), details.dueAt(), details.assignee(),
                details.priority(), details.link(), details.reminderAt(), actor.id()));
        return task;
    }

    /** Rebuilds a task from its stored state; records no event. */
    public static Task restore(TaskState state) {
        return new Task(Require.notNull(state, "state"));
    }

    public TaskState state() {
        return new TaskState(tenant(), id(), version(), subject, description, dueAt, assignee, priority, status, link,
                reminderAt, reminderSentAt, createdAt, createdBy, completedAt, completedBy);
    }

    /** OPEN to IN_PROGRESS. */
    public void start(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        moveTo(TaskStatus.IN_PROGRESS);
        record(new TaskStarted(tenant(), id().value(), clock.instant(), actor.id()));
    }

    /** OPEN or IN_PROGRESS to DONE, remembering when and by whom. */
    public void complete(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        moveTo(TaskStatus.DONE);
        completedAt = now;
        completedBy = actor;
        record(new TaskCompleted(tenant(), id().value(), now, now, actor.id()));
    }

    /** OPEN or IN_PROGRESS to CANCELLED. */
    public void cancel(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        TaskStatus previous = status;
        moveTo(TaskStatus.CANCELLED);
        record(new TaskCancelled(tenant(), id().value(), clock.instant(), previous, actor.id()));
    }

    /** DONE or CANCELLED back to OPEN; forgets the completion. */
    public void reopen(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        TaskStatus previous = status;
        moveTo(TaskStatus.OPEN);
        completedAt = null;
        completedBy = null;
        record(new TaskReopened(tenant(), id().value(), clock.instant(), previous, actor.id()));
    }

    /** Hands an active task to another user; refused for done or cancelled tasks and for the same assignee. */
    public void reassign(UserId newAssignee, Actor actor, Clock clock) {
        Require.notNull(newAssignee, "assignee");
        Require.notNull(actor, "actor");
        requireActive("reassign");
        Require.that(!newAssignee.equals(assignee), "assignee", "the task is already assigned to " + assignee);
        UserId previous = assignee;
        assignee = newAssignee;
        record(new TaskReassigned(tenant(), id().value(), clock.instant(), previous, newAssignee, actor.id()));
    }

    /**
     * Moves the due time of an active task. The new due time must not lie in the past; a reminder after the new
     * due time moves to the due time.
     */
    public void reschedule(Instant newDueAt, Clock clock) {
        Require.notNull(newDueAt, "dueAt");
        Instant now = Require.notNull(clock, "clock").instant();
        requireActive("reschedule");
        Require.that(!newDueAt.isBefore(now), "dueAt", "must not be in the past (" + now + "), was " + newDueAt);
        Instant previous = dueAt;
        dueAt = newDueAt;
        if (reminderAt != null && reminderAt.isAfter(newDueAt)) {
            reminderAt = newDueAt;
            reminderSentAt = null;
        }
        record(new TaskRescheduled(tenant(), id().value(), now, previous, newDueAt, reminderAt));
    }

    /**
     * Moves the reminder of an active task to {@code until} (after now, not after the due time), so that it is
     * sent again then. A task without a reminder gets one.
     */
    public void snooze(Instant until, Clock clock) {
        Require.notNull(until, "until");
        Instant now = Require.notNull(clock, "clock").instant();
        requireActive("snooze");
        Require.that(until.isAfter(now), "until", "must be after now (" + now + "), was " + until);
        Require.that(!until.isAfter(dueAt), "until", "must not be after the due time " + dueAt + ", was " + until);
        Instant previous = reminderAt;
        reminderAt = until;
        reminderSentAt = null;
        record(new TaskReminderSnoozed(tenant(), id().value(), now, previous, until));
    }

    /** Records that the reminder went out; it is then no longer due. Refused when no reminder is due. */
    public void markReminderSent(Clock clock) {
        Instant now = Require.notNull(clock, "clock").instant();
        if (!isReminderDue(now)) {
            throw new IllegalTransitionException("Task " + id() + " has no reminder due at " + now);
        }
        reminderSentAt = now;
        record(new TaskReminderSent(tenant(), id().value(), now, reminderAt, assignee));
    }

    /** An active task whose due time lies before {@code asOf}. */
    public boolean isOverdue(Instant asOf) {
        return status.isActive() && dueAt.isBefore(Require.notNull(asOf, "asOf"));
    }

    /** An active task whose reminder time has come by {@code asOf} and was not sent yet. */
    public boolean isReminderDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        return status.isActive() && reminderAt != null && reminderSentAt == null && !reminderAt.isAfter(asOf);
    }

    private void moveTo(TaskStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(TYPE, status, target);
        }
        status = target;
    }

    private void requireActive(String action) {
        if (!status.isActive()) {
            throw new IllegalTransitionException("Task " + id() + " is " + status + " and cannot " + action);
        }
    }

    public String subject() {
        return subject;
    }

    /** The description; null when none. */
    public String description() {
        return description;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public UserId assignee() {
        return assignee;
    }

    public TaskPriority priority() {
        return priority;
    }

    public TaskStatus status() {
        return status;
    }

    /** The record the task is about; null when none. */
    public RecordRef link() {
        return link;
    }

    /** When to remind the assignee; null when no reminder is set. */
    public Instant reminderAt() {
        return reminderAt;
    }

    /** When the current reminder was sent; null when it was not sent yet. */
    public Instant reminderSentAt() {
        return reminderSentAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor createdBy() {
        return createdBy;
    }

    /** When the task was done; null unless status is DONE. */
    public Instant completedAt() {
        return completedAt;
    }

    /** Who did the task; null unless status is DONE. */
    public Actor completedBy() {
        return completedBy;
    }
}
