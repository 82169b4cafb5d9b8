package org.crmkit.core.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.LeadId;
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
 * {@link IllegalTransitionException} naming both statuses. The linked record changes only when a lead is converted:
 * the task then concerns the contact the lead became. Not thread-safe.
 */
public final class Task extends AggregateRoot<TaskId> {

    private static final String TYPE = "Task";

    private final String subject;
    private final String description;
    private Instant dueAt;
    private UserId assignee;
    private final TaskPriority priority;
    private TaskStatus status;
    private RecordRef link;
    private Instant reminderAt;
    private Instant reminderSentAt;
    private final Instant createdAt;
    private final Actor createdBy;
    private Instant completedAt;
    private Actor completedBy;
    private final TaskRecurrence recurrence;
    private final Duration reminderLead;
    private TaskId nextOccurrence;
    private Instant overdueNoticeSentAt;
    private Instant escalatedAt;
    private UserId escalatedTo;

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
        this.recurrence = state.recurrence();
        this.reminderLead = state.reminderLead();
        this.nextOccurrence = state.nextOccurrence();
        this.overdueNoticeSentAt = state.overdueNoticeSentAt();
        this.escalatedAt = state.escalatedAt();
        this.escalatedTo = state.escalatedTo();
    }

    /** Creates an open task; its due time must not lie before the moment of creation. */
    public static Task create(TenantId tenant, TaskId id, NewTask details, Actor actor, Clock clock) {
        Require.notNull(details, "details");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        Require.that(
                !details.dueAt().isBefore(now),
                "dueAt",
                "must not be before the task is created (" + now + "), was " + details.dueAt());
        Task task = new Task(new TaskState(
                tenant,
                id,
                0,
                details.subject(),
                details.description(),
                details.dueAt(),
                details.assignee(),
                details.priority(),
                TaskStatus.OPEN,
                details.link(),
                details.reminderAt(),
                null,
                now,
                actor,
                null,
                null,
                details.recurrence() == null ? null : details.recurrence().startingAt(details.dueAt()),
                details.reminderAt() == null ? null : Duration.between(details.reminderAt(), details.dueAt()),
                null,
                null,
                null,
                null));
        task.record(new TaskCreated(
                tenant,
                id.value(),
                now,
                details.subject(),
                details.dueAt(),
                details.assignee(),
                details.priority(),
                details.link(),
                details.reminderAt(),
                actor.id()));
        return task;
    }

    /** Rebuilds a task from its stored state; records no event. */
    public static Task restore(TaskState state) {
        return new Task(Require.notNull(state, "state"));
    }

    public TaskState state() {
        return new TaskState(
                tenant(),
                id(),
                version(),
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
     * due time moves to the due time. The overdue notice and escalation of the old due time are forgotten, so
     * that the new due time earns its own.
     */
    public void reschedule(Instant newDueAt, Clock clock) {
        Require.notNull(newDueAt, "dueAt");
        Instant now = Require.notNull(clock, "clock").instant();
        requireActive("reschedule");
        Require.that(!newDueAt.isBefore(now), "dueAt", "must not be in the past (" + now + "), was " + newDueAt);
        Instant previous = dueAt;
        dueAt = newDueAt;
        overdueNoticeSentAt = null;
        escalatedAt = null;
        escalatedTo = null;
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

    /**
     * For a done task of a series whose next occurrence was not created yet: creates it, due on the first date of
     * the {@link TaskRecurrence} after this due time that lies after now, with this task's subject, description,
     * assignee, priority, link and recurrence, and a reminder as far before its due time as this task's first
     * reminder was. Remembers it (recording {@link TaskRecurred}), so that completing this task again after a
     * reopen creates no second one. Empty when the task does not repeat, already has its next occurrence, or its
     * series has ended.
     */
    public Optional<Task> repeat(TaskId nextId, Actor actor, Clock clock) {
        Require.notNull(nextId, "nextId");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        if (status != TaskStatus.DONE) {
            throw new IllegalTransitionException(
                    "Task " + id() + " is " + status + " and cannot repeat before it is done");
        }
        if (recurrence == null || nextOccurrence != null) {
            return Optional.empty();
        }
        Optional<Instant> nextDue = recurrence.nextDue(dueAt, now);
        if (nextDue.isEmpty()) {
            return Optional.empty();
        }
        Instant due = nextDue.get();
        Task next = create(
                tenant(),
                nextId,
                new NewTask(
                        subject,
                        description,
                        due,
                        assignee,
                        priority,
                        link,
                        reminderLead == null ? null : due.minus(reminderLead),
                        recurrence),
                actor,
                clock);
        nextOccurrence = nextId;
        record(new TaskRecurred(tenant(), id().value(), now, nextId, due));
        return Optional.of(next);
    }

    /** Records that the assignee was told the task is overdue; refused unless it is overdue and was not told yet. */
    public void markOverdueNoticeSent(Clock clock) {
        Instant now = Require.notNull(clock, "clock").instant();
        if (!isOverdue(now) || overdueNoticeSentAt != null) {
            throw new IllegalTransitionException("Task " + id() + " has no overdue notice to send at " + now);
        }
        overdueNoticeSentAt = now;
        record(new TaskOverdueNoticeSent(tenant(), id().value(), now, dueAt, assignee));
    }

    /**
     * Records that the overdue task was escalated to {@code to} (typically the assignee's team lead); refused
     * unless it is overdue and was not escalated yet.
     */
    public void markEscalated(UserId to, Clock clock) {
        Require.notNull(to, "to");
        Instant now = Require.notNull(clock, "clock").instant();
        if (!isOverdue(now) || escalatedAt != null) {
            throw new IllegalTransitionException("Task " + id() + " has no escalation to make at " + now);
        }
        escalatedAt = now;
        escalatedTo = to;
        record(new TaskEscalated(tenant(), id().value(), now, dueAt, assignee, to));
    }

    /**
     * Makes a task about a lead, in any status, concern the contact the lead was converted into instead, so that it
     * is among the contact's tasks ({@link TaskCarriedOver} names both). Changes nothing (and records no event) when
     * it already concerns the contact; refused with an {@code InvalidValueException} (field {@code lead}) when it
     * concerns neither.
     */
    public void carryOverFromLead(LeadId lead, ContactId contact, Clock clock) {
        Require.notNull(lead, "lead");
        Require.notNull(contact, "contact");
        Instant now = Require.notNull(clock, "clock").instant();
        RecordRef target = RecordRef.contact(contact);
        if (target.equals(link)) {
            return;
        }
        Require.that(RecordRef.lead(lead).equals(link), "lead", "task " + id() + " does not concern lead " + lead);
        link = target;
        record(new TaskCarriedOver(tenant(), id().value(), now, lead, contact));
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

    /** How the task repeats; null for a single task. */
    public TaskRecurrence recurrence() {
        return recurrence;
    }

    /** How long before the due time each occurrence is reminded of; null when the task had no reminder. */
    public Duration reminderLead() {
        return reminderLead;
    }

    /** The task created as the next occurrence when this one was done; null until then. */
    public TaskId nextOccurrence() {
        return nextOccurrence;
    }

    /** When the assignee was told the task is overdue; null when not (yet) for the current due time. */
    public Instant overdueNoticeSentAt() {
        return overdueNoticeSentAt;
    }

    /** When the overdue task was escalated; null when not (yet) for the current due time. */
    public Instant escalatedAt() {
        return escalatedAt;
    }

    /** To whom the overdue task was escalated; null unless {@link #escalatedAt} is set. */
    public UserId escalatedTo() {
        return escalatedTo;
    }
}
