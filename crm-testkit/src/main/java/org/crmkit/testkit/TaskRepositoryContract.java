package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TaskRepository;
import org.crmkit.testkit.fixtures.TaskMother;
import org.junit.jupiter.api.Test;

/** What every {@link TaskRepository} must do. Extend it and implement {@link #createStorage}. */
public abstract class TaskRepositoryContract extends StorageContract {

    private TaskRepository tasks() {
        return storage.tasks();
    }

    private Task save(Task task) {
        return storage.transactions().inTransaction(() -> tasks().save(task));
    }

    private Task dueIn(UserId assignee, Duration duration) {
        return save(TaskMother.aTaskFor(
                TENANT_A, ids, clock, assignee, clock.instant().plus(duration)));
    }

    private static List<TaskId> idsOf(Page<Task> page) {
        return page.items().stream().map(Task::id).toList();
    }

    @Test
    void savedTaskComesBackWithEveryField() {
        Task task = TaskMother.aTask(TENANT_A, ids, clock);
        clock.set(task.reminderAt());
        task.markReminderSent(clock);
        task.complete(TaskMother.CREATOR, clock);

        save(task);

        assertThat(tasks().findById(TENANT_A, task.id()).orElseThrow().state())
                .isEqualTo(task.state().withVersion(1));
    }

    @Test
    void recurringTaskDoneOverdueAndEscalatedComesBackWithItsSeriesAndNotices() {
        Task task = TaskMother.aWeeklyTask(TENANT_A, ids, clock);
        clock.set(task.dueAt().plus(Duration.ofDays(3)));
        task.markOverdueNoticeSent(clock);
        task.markEscalated(UserId.next(ids), clock);
        task.complete(TaskMother.CREATOR, clock);
        Task next = task.repeat(TaskId.next(ids), TaskMother.CREATOR, clock).orElseThrow();

        save(task);
        save(next);

        TaskState stored = tasks().findById(TENANT_A, task.id()).orElseThrow().state();
        assertThat(stored).isEqualTo(task.state().withVersion(1));
        assertThat(stored.recurrence()).isEqualTo(task.recurrence()).isNotNull();
        assertThat(stored.reminderLead()).isEqualTo(Duration.ofHours(1));
        assertThat(stored.nextOccurrence()).isEqualTo(next.id());
        assertThat(stored.escalatedTo()).isNotNull();
        assertThat(tasks().findById(TENANT_A, next.id()).orElseThrow().state())
                .isEqualTo(next.state().withVersion(1));
    }

    @Test
    void taskWithoutOptionalFieldsRoundTrips() {
        Task task = TaskMother.aTaskFor(TENANT_A, ids, clock, UserId.next(ids), clock.instant());

        save(task);

        TaskState stored = tasks().findById(TENANT_A, task.id()).orElseThrow().state();
        assertThat(stored).isEqualTo(task.state().withVersion(1));
        assertThat(stored.description()).isNull();
        assertThat(stored.link()).isNull();
        assertThat(stored.reminderAt()).isNull();
    }

    @Test
    void tasksOfAnAssigneeComeByDueTimeThenIdAcrossPagesFilteredByStatus() {
        UserId ada = UserId.next(ids);
        Task third = dueIn(ada, Duration.ofDays(3));
        Task firstTie = dueIn(ada, Duration.ofDays(1));
        Task secondTie = dueIn(ada, Duration.ofDays(1));
        Task done = dueIn(ada, Duration.ofHours(1));
        done.complete(TaskMother.CREATOR, clock);
        save(done);
        dueIn(UserId.next(ids), Duration.ofHours(2));
        List<TaskId> ties = firstTie.id().value().compareTo(secondTie.id().value()) < 0
                ? List.of(firstTie.id(), secondTie.id())
                : List.of(secondTie.id(), firstTie.id());

        Page<Task> firstPage = tasks().findByAssignee(TENANT_A, ada, Set.of(), PageRequest.of(0, 2));
        Page<Task> secondPage = tasks().findByAssignee(TENANT_A, ada, Set.of(), PageRequest.of(1, 2));
        Page<Task> active = tasks().findByAssignee(TENANT_A, ada, TaskStatus.ACTIVE, PageRequest.first(10));

        assertThat(idsOf(firstPage)).containsExactly(done.id(), ties.get(0));
        assertThat(firstPage.totalElements()).isEqualTo(4);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(idsOf(secondPage)).containsExactly(ties.get(1), third.id());
        assertThat(idsOf(active)).containsExactly(ties.get(0), ties.get(1), third.id());
    }

    @Test
    void reassignedTaskMovesToTheNewAssigneesList() {
        UserId ada = UserId.next(ids);
        UserId bob = UserId.next(ids);
        Task task = dueIn(ada, Duration.ofDays(1));
        task.reassign(bob, TaskMother.CREATOR, clock);
        save(task);

        assertThat(tasks().findByAssignee(TENANT_A, ada, Set.of(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(idsOf(tasks().findByAssignee(TENANT_A, bob, Set.of(), PageRequest.first(5))))
                .containsExactly(task.id());
    }

    @Test
    void overdueTasksAreActiveAndDueBeforeTheGivenInstantByDueTime() {
        UserId ada = UserId.next(ids);
        Task later = dueIn(ada, Duration.ofHours(5));
        Task earlier = dueIn(ada, Duration.ofHours(1));
        Task cancelled = dueIn(ada, Duration.ofHours(2));
        cancelled.cancel(TaskMother.CREATOR, clock);
        save(cancelled);
        Task exactlyDue = dueIn(ada, Duration.ofHours(6));
        dueIn(ada, Duration.ofDays(3));
        Instant asOf = exactlyDue.dueAt();

        assertThat(idsOf(tasks().findOverdue(TENANT_A, asOf, PageRequest.first(10))))
                .containsExactly(earlier.id(), later.id());
        assertThat(idsOf(tasks().findOverdue(TENANT_A, asOf, PageRequest.of(1, 1))))
                .containsExactly(later.id());
    }

    @Test
    void dueBetweenIncludesTheStartAndExcludesTheEnd() {
        UserId ada = UserId.next(ids);
        Task atStart = dueIn(ada, Duration.ofHours(1));
        Task inside = dueIn(ada, Duration.ofHours(2));
        Task atEnd = dueIn(ada, Duration.ofHours(3));

        assertThat(idsOf(tasks().findDueBetween(TENANT_A, atStart.dueAt(), atEnd.dueAt(), PageRequest.first(10))))
                .containsExactly(atStart.id(), inside.id());
    }

    @Test
    void tasksLinkedToARecordAreFoundInEveryStatus() {
        RecordRef contact = RecordRef.contact(ContactId.next(ids));
        UserId ada = UserId.next(ids);
        Task open = save(Task.create(
                TENANT_A,
                TaskId.next(ids),
                NewTask.of("Open", clock.instant().plus(Duration.ofDays(2)), ada)
                        .linkedTo(contact),
                TaskMother.CREATOR,
                clock));
        Task done = Task.create(
                TENANT_A,
                TaskId.next(ids),
                NewTask.of("Done", clock.instant().plus(Duration.ofDays(1)), ada)
                        .linkedTo(contact),
                TaskMother.CREATOR,
                clock);
        done.complete(TaskMother.CREATOR, clock);
        save(done);
        dueIn(ada, Duration.ofDays(1));

        assertThat(idsOf(tasks().findByLink(TENANT_A, contact, PageRequest.first(10))))
                .containsExactly(done.id(), open.id());
    }

    @Test
    void aTaskCarriedOverFromALeadIsLinkedToTheContactAndNoLongerToTheLead() {
        LeadId leadId = LeadId.next(ids);
        RecordRef lead = RecordRef.lead(leadId);
        ContactId contact = ContactId.next(ids);
        UserId ada = UserId.next(ids);
        Task earlier = save(Task.create(
                TENANT_A,
                TaskId.next(ids),
                NewTask.of("Earlier", clock.instant().plus(Duration.ofDays(1)), ada)
                        .linkedTo(RecordRef.contact(contact)),
                TaskMother.CREATOR,
                clock));
        Task callBack = save(Task.create(
                TENANT_A,
                TaskId.next(ids),
                NewTask.of("Call back", clock.instant().plus(Duration.ofDays(2)), ada)
                        .linkedTo(lead),
                TaskMother.CREATOR,
                clock));

        callBack.carryOverFromLead(leadId, contact, clock);
        save(callBack);

        assertThat(tasks().findById(TENANT_A, callBack.id()).orElseThrow().state())
                .isEqualTo(callBack.state().withVersion(2));
        assertThat(idsOf(tasks().findByLink(TENANT_A, RecordRef.contact(contact), PageRequest.first(10))))
                .containsExactly(earlier.id(), callBack.id());
        assertThat(tasks().findByLink(TENANT_A, lead, PageRequest.first(10)).totalElements())
                .isZero();
    }

    @Test
    void remindersDueAreUnsentActiveRemindersByReminderTime() {
        Task second = save(TaskMother.aTask(TENANT_A, ids, clock));
        Task first = TaskMother.aTask(TENANT_A, ids, clock);
        first.snooze(clock.instant().plus(Duration.ofHours(1)), clock);
        save(first);
        Task sent = TaskMother.aTask(TENANT_A, ids, clock);
        Task withoutReminder = dueIn(UserId.next(ids), Duration.ofHours(1));
        Instant asOf = second.reminderAt();
        clock.set(asOf);
        sent.markReminderSent(clock);
        save(sent);

        assertThat(idsOf(tasks().findRemindersDue(TENANT_A, asOf, PageRequest.first(10))))
                .containsExactly(first.id(), second.id())
                .doesNotContain(withoutReminder.id());
        assertThat(idsOf(tasks().findRemindersDue(TENANT_A, asOf.minusSeconds(1), PageRequest.first(10))))
                .containsExactly(first.id());
    }

    @Test
    void secondWriterOfTheSameVersionGetsAStaleVersion() {
        Task stored = save(TaskMother.aTask(TENANT_A, ids, clock));
        Task first = tasks().findById(TENANT_A, stored.id()).orElseThrow();
        Task second = tasks().findById(TENANT_A, stored.id()).orElseThrow();
        first.start(TaskMother.CREATOR, clock);
        second.cancel(TaskMother.CREATOR, clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(tasks().findById(TENANT_A, stored.id()).orElseThrow().status())
                .isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void taskOfOneTenantIsInvisibleAndUntouchableFromAnother() {
        Task stored = save(TaskMother.aTask(TENANT_A, ids, clock));
        TaskState s = stored.state();
        Task intruder = Task.restore(new TaskState(
                TENANT_B,
                s.id(),
                s.version(),
                "Hijacked",
                null,
                s.dueAt(),
                s.assignee(),
                s.priority(),
                s.status(),
                s.link(),
                null,
                null,
                s.createdAt(),
                s.createdBy(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));

        assertThat(tasks().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(tasks().findByAssignee(TENANT_B, stored.assignee(), Set.of(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(tasks().findByLink(TENANT_B, stored.link(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(tasks().findOverdue(TENANT_B, stored.dueAt().plusSeconds(1), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(tasks().findRemindersDue(TENANT_B, stored.dueAt(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> save(intruder))
                .isInstanceOfAny(RecordNotFoundException.class, StaleVersionException.class);
        assertThat(tasks().findById(TENANT_A, stored.id()).orElseThrow().state())
                .isEqualTo(stored.state());
    }

    @Test
    void concurrentReschedulesAreNotLost() throws InterruptedException {
        Task stored = save(TaskMother.aTask(TENANT_A, ids, clock));
        int writers = 6;
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            work.add(() -> {
                while (true) {
                    try {
                        storage.transactions().inTransaction(() -> {
                            Task current =
                                    tasks().findById(TENANT_A, stored.id()).orElseThrow();
                            current.reschedule(current.dueAt().plus(Duration.ofMinutes(1)), clock);
                            return tasks().save(current);
                        });
                        return null;
                    } catch (StaleVersionException retry) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(work)).allMatch(Outcome::succeeded);

        Task result = tasks().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(result.dueAt()).isEqualTo(stored.dueAt().plus(Duration.ofMinutes(writers)));
        assertThat(result.version()).isEqualTo(1 + writers);
    }
}
