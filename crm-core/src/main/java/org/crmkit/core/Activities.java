package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityCorrection;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.UserId;

/**
 * Use cases of the interaction history and of tasks: log, correct and delete activities, read a party's timeline,
 * and create and work through tasks. Every change runs in one transaction with its events, for the calling tenant
 * and actor. An unknown id throws {@link RecordNotFoundException}. Thread-safe.
 */
public final class Activities {

    private final UseCases useCases;
    private final TaskReminderPolicy reminderPolicy;

    Activities(UseCases useCases, TaskReminderPolicy reminderPolicy) {
        this.useCases = useCases;
        this.reminderPolicy = reminderPolicy;
    }

    /** The reminder, overdue and escalation policy of tasks, as configured on {@link Crm.Builder#taskReminders}. */
    public TaskReminderPolicy reminderPolicy() {
        return reminderPolicy;
    }

    /** Logs an activity that happened (a call, an email sent by a workflow, a note) and returns it as stored. */
    public Activity logActivity(NewActivity details) {
        Require.notNull(details, "details");
        return useCases.write(() -> {
            useCases.references.all(referencesOf(details, ""));
            return useCases.save(
                    Activity.log(
                            useCases.tenant(),
                            ActivityId.next(useCases.ids),
                            details,
                            useCases.actor(),
                            useCases.clock),
                    useCases.storage.activities()::save);
        });
    }

    /**
     * Logs several activities in one change (one transaction, joining an active one; their events relayed once
     * after it commits) and returns them as stored, in order. A workflow that records a batch of deliveries logs
     * them this way. Nothing is logged when one of them is refused.
     */
    public List<Activity> logActivities(List<NewActivity> details) {
        Require.noNulls(details, "details");
        return useCases.write(() -> {
            List<References.Reference> refs = new ArrayList<>();
            for (int i = 0; i < details.size(); i++) {
                refs.addAll(referencesOf(details.get(i), "details[" + i + "]."));
            }
            useCases.references.all(refs);
            return useCases.saveAll(
                    details.stream()
                            .map(each -> Activity.log(
                                    useCases.tenant(),
                                    ActivityId.next(useCases.ids),
                                    each,
                                    useCases.actor(),
                                    useCases.clock))
                            .toList(),
                    useCases.storage.activities()::saveAll);
        });
    }

    /** The contacts, accounts and records the activity is about, their fields named after {@code prefix}. */
    private static List<References.Reference> referencesOf(NewActivity details, String prefix) {
        List<References.Reference> refs = new ArrayList<>();
        refs.addAll(References.indexed(details.contacts(), RecordType.CONTACT, prefix + "contacts"));
        refs.addAll(References.indexed(details.accounts(), RecordType.ACCOUNT, prefix + "accounts"));
        refs.addAll(References.indexed(details.relatedRecords(), prefix + "relatedRecords"));
        return refs;
    }

    /** Corrects subject, summary and outcome of a logged activity. */
    public Activity correct(ActivityId id, ActivityCorrection correction) {
        Require.notNull(correction, "correction");
        return useCases.write(() -> {
            Activity activity = activity(id);
            activity.correct(correction, useCases.actor(), useCases.clock);
            return useCases.save(activity, useCases.storage.activities()::save);
        });
    }

    /** Removes an activity from the history. */
    public void delete(ActivityId id) {
        useCases.write(() -> {
            Activity activity = activity(id);
            useCases.sharing.requireChangeable(activity);
            activity.delete(useCases.actor(), useCases.clock);
            useCases.storage.activities().delete(activity.tenant(), activity.id(), activity.version());
            useCases.storage.outbox().append(activity.pendingEvents());
            return null;
        });
    }

    public Optional<Activity> findActivity(ActivityId id) {
        Require.notNull(id, "id");
        return useCases.activities().findById(useCases.tenant(), id);
    }

    /** The contact's timeline: its activities that pass the filter, newest first (ties by id, descending). */
    public Page<Activity> timeline(ContactId contact, TimelineFilter filter, PageRequest page) {
        return timeline(RecordRef.contact(Require.notNull(contact, "contact")), filter, page);
    }

    /** The account's timeline: its activities that pass the filter, newest first (ties by id, descending). */
    public Page<Activity> timeline(AccountId account, TimelineFilter filter, PageRequest page) {
        return timeline(RecordRef.account(Require.notNull(account, "account")), filter, page);
    }

    /** The activities about any record (e.g. an opportunity), newest first (ties by id, descending). */
    public Page<Activity> timeline(RecordRef subject, TimelineFilter filter, PageRequest page) {
        Require.notNull(subject, "subject");
        Require.notNull(filter, "filter");
        Require.notNull(page, "page");
        return useCases.activities().timeline(useCases.tenant(), subject, filter, page);
    }

    /**
     * Creates an open task and returns it as stored. A task without a reminder gets the default one of the
     * {@link #reminderPolicy()}, if the policy sets a lead time.
     */
    public Task createTask(NewTask details) {
        Require.notNull(details, "details");
        NewTask task = details.reminderAt() != null
                ? details
                : reminderPolicy
                        .defaultReminderAt(details.dueAt(), useCases.clock.instant())
                        .map(details::withReminderAt)
                        .orElse(details);
        return useCases.write(() -> {
            useCases.references.record(task.link(), "link");
            return useCases.save(
                    Task.create(useCases.tenant(), TaskId.next(useCases.ids), task, useCases.actor(), useCases.clock),
                    useCases.storage.tasks()::save);
        });
    }

    public Optional<Task> findTask(TaskId id) {
        Require.notNull(id, "id");
        return useCases.tasks().findById(useCases.tenant(), id);
    }

    /** OPEN to IN_PROGRESS. */
    public Task start(TaskId id) {
        return changeTask(id, task -> task.start(useCases.actor(), useCases.clock));
    }

    /**
     * OPEN or IN_PROGRESS to DONE. For a recurring task, creates its next occurrence in the same transaction
     * (once, even when the task is reopened and completed again); see {@link Task#repeat}.
     */
    public Task complete(TaskId id) {
        return changeTask(id, task -> {
            task.complete(useCases.actor(), useCases.clock);
            task.repeat(TaskId.next(useCases.ids), useCases.actor(), useCases.clock)
                    .ifPresent(next -> useCases.save(next, useCases.storage.tasks()::save));
        });
    }

    /** The next occurrence created when the recurring task was done, if any. */
    public Optional<Task> nextOccurrence(TaskId id) {
        Require.notNull(id, "id");
        Task task = Reads.found(useCases.tasks().findById(useCases.tenant(), id), "Task", id);
        return task.nextOccurrence() == null
                ? Optional.empty()
                : useCases.tasks().findById(useCases.tenant(), task.nextOccurrence());
    }

    /** OPEN or IN_PROGRESS to CANCELLED. */
    public Task cancel(TaskId id) {
        return changeTask(id, task -> task.cancel(useCases.actor(), useCases.clock));
    }

    /** DONE or CANCELLED back to OPEN. */
    public Task reopen(TaskId id) {
        return changeTask(id, task -> task.reopen(useCases.actor(), useCases.clock));
    }

    /** Hands an active task to another user. */
    public Task reassign(TaskId id, UserId assignee) {
        Require.notNull(assignee, "assignee");
        return changeTask(id, task -> task.reassign(assignee, useCases.actor(), useCases.clock));
    }

    /** Moves the due time of an active task. */
    public Task reschedule(TaskId id, Instant dueAt) {
        Require.notNull(dueAt, "dueAt");
        return changeTask(id, task -> task.reschedule(dueAt, useCases.clock));
    }

    /** Moves the reminder of an active task to {@code until}. */
    public Task snooze(TaskId id, Instant until) {
        Require.notNull(until, "until");
        return changeTask(id, task -> task.snooze(until, useCases.clock));
    }

    /** Records that the task's due reminder was sent; called by the workflow that sent it. */
    public Task markReminderSent(TaskId id) {
        return changeTask(id, task -> task.markReminderSent(useCases.clock));
    }

    /** Records that the assignee was told the task is overdue; called by the workflow that told them. */
    public Task markOverdueNoticeSent(TaskId id) {
        return changeTask(id, task -> task.markOverdueNoticeSent(useCases.clock));
    }

    /** Records that the overdue task was escalated to the user; called by the workflow that escalated it. */
    public Task markEscalated(TaskId id, UserId to) {
        Require.notNull(to, "to");
        return changeTask(id, task -> task.markEscalated(to, useCases.clock));
    }

    /** The user's tasks in the given statuses (empty: all), by due time then id. */
    public Page<Task> tasksOf(UserId assignee, Set<TaskStatus> statuses, PageRequest page) {
        Require.notNull(assignee, "assignee");
        Require.noNulls(statuses, "statuses");
        Require.notNull(page, "page");
        return useCases.tasks().findByAssignee(useCases.tenant(), assignee, statuses, page);
    }

    /** Active tasks whose due time has passed by now (the clock), by due time then id. */
    public Page<Task> overdueTasks(PageRequest page) {
        Require.notNull(page, "page");
        return useCases.tasks().findOverdue(useCases.tenant(), useCases.clock.instant(), page);
    }

    /** Active tasks whose due time lies before {@code asOf}, by due time then id; for workflows run as of a time. */
    public Page<Task> overdueTasks(Instant asOf, PageRequest page) {
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        return useCases.tasks().findOverdue(useCases.tenant(), asOf, page);
    }

    /** Active tasks due at or after {@code from} and before {@code until}, by due time then id. */
    public Page<Task> tasksDueBetween(Instant from, Instant until, PageRequest page) {
        Require.notNull(from, "from");
        Require.notNull(until, "until");
        Require.that(until.isAfter(from), "until", "must be after from (" + from + "), was " + until);
        Require.notNull(page, "page");
        return useCases.tasks().findDueBetween(useCases.tenant(), from, until, page);
    }

    /** Tasks of any status linked to the record, by due time then id. */
    public Page<Task> tasksLinkedTo(RecordRef link, PageRequest page) {
        Require.notNull(link, "link");
        Require.notNull(page, "page");
        return useCases.tasks().findByLink(useCases.tenant(), link, page);
    }

    /** Active tasks whose reminder is due by {@code asOf} and not sent yet, by reminder time then id. */
    public Page<Task> remindersDue(Instant asOf, PageRequest page) {
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        return useCases.tasks().findRemindersDue(useCases.tenant(), asOf, page);
    }

    private Activity activity(ActivityId id) {
        Require.notNull(id, "id");
        return Reads.found(useCases.activities().findById(useCases.tenant(), id), "Activity", id);
    }

    private Task changeTask(TaskId id, Consumer<Task> change) {
        Require.notNull(id, "id");
        return useCases.write(() -> {
            Task task = Reads.found(useCases.tasks().findById(useCases.tenant(), id), "Task", id);
            change.accept(task);
            return useCases.save(task, useCases.storage.tasks()::save);
        });
    }
}
