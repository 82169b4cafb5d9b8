package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityCorrected;
import org.crmkit.core.activity.ActivityCorrection;
import org.crmkit.core.activity.ActivityDeleted;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.ActivityLogged;
import org.crmkit.core.activity.ActivityOutcome;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskCompleted;
import org.crmkit.core.activity.TaskCreated;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class ActivitiesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final UserId ADA = UserId.of(UUID.randomUUID());
    private static final UserId BOB = UserId.of(UUID.randomUUID());

    private final InMemoryStorage storage = InMemoryStorage.create(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<DomainEvent> published = new ArrayList<>();
    private final Crm crm = crmAt(NOW);
    private final ContactId contact = StoredRecords.contact(storage, Clock.fixed(NOW, ZoneOffset.UTC));
    private final AccountId account = StoredRecords.account(storage, Clock.fixed(NOW, ZoneOffset.UTC));

    private Crm crmAt(Instant now) {
        return Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .eventListener(entry -> published.add(entry.event()))
                .build();
    }

    private Activity logCall(Instant at) {
        return crm.activities()
                .logActivity(NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Call " + at, at)
                        .aboutContact(contact)
                        .aboutAccount(account));
    }

    @Test
    void loggedActivityIsStoredAndItsEventReachesTheListenerAfterCommit() {
        Activity logged = logCall(NOW.minusSeconds(60));

        assertThat(logged.version()).isEqualTo(1);
        assertThat(crm.activities().findActivity(logged.id()))
                .hasValueSatisfying(found -> assertThat(found.state()).isEqualTo(logged.state()));
        assertThat(published)
                .singleElement()
                .isInstanceOfSatisfying(
                        ActivityLogged.class,
                        event -> assertThat(event.aggregateId())
                                .isEqualTo(logged.id().value()));
    }

    @Test
    void severalActivitiesLoggedTogetherAreStoredInOrderAndTheirEventsPublishedOnce() {
        List<Activity> logged = crm.activities()
                .logActivities(List.of(
                        NewActivity.of(ActivityKind.EMAIL, Direction.OUTBOUND, "First reminder", NOW.minusSeconds(120))
                                .aboutAccount(account),
                        NewActivity.of(ActivityKind.LETTER, Direction.OUTBOUND, "Second reminder", NOW.minusSeconds(60))
                                .aboutAccount(account)));

        assertThat(logged).extracting(Activity::subject).containsExactly("First reminder", "Second reminder");
        assertThat(logged).extracting(Activity::version).containsExactly(1L, 1L);
        assertThat(crm.activities()
                        .timeline(account, TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .extracting(Activity::subject)
                .containsExactly("Second reminder", "First reminder");
        assertThat(published)
                .extracting(DomainEvent::aggregateId)
                .containsExactly(logged.get(0).id().value(), logged.get(1).id().value());
    }

    @Test
    void activitiesLoggedTogetherAreAllRefusedWhenOneIsInvalid() {
        List<NewActivity> details = List.of(
                NewActivity.of(ActivityKind.EMAIL, Direction.OUTBOUND, "Sent", NOW)
                        .aboutAccount(account),
                NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Later", NOW.plusSeconds(1))
                        .aboutAccount(account));

        assertThatThrownBy(() -> crm.activities().logActivities(details))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
        assertThat(crm.activities()
                        .timeline(account, TimelineFilter.ALL, PageRequest.first(10))
                        .totalElements())
                .isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void workflowLogsAGreetingAsTheConfiguredActor() {
        Crm workflow = Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .actorResolver(() -> org.crmkit.core.common.Actor.of("greetings", "Greeting workflow"))
                .build();

        Activity greeting = workflow.activities()
                .logActivity(NewActivity.of(ActivityKind.EMAIL, Direction.OUTBOUND, "Happy birthday", NOW)
                        .aboutContact(contact)
                        .withOutcome(ActivityOutcome.SENT));

        assertThat(greeting.loggedBy().id()).isEqualTo("greetings");
    }

    @Test
    void activityInTheFutureIsRefusedAndNothingIsStoredOrPublished() {
        NewActivity future = NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Later", NOW.plusSeconds(1))
                .aboutContact(contact);

        assertThatThrownBy(() -> crm.activities().logActivity(future))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
        assertThat(crm.activities()
                        .timeline(contact, TimelineFilter.ALL, PageRequest.first(10))
                        .totalElements())
                .isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void timelineIsNewestFirstWithTiesBrokenByDescendingIdAndPaged() {
        Activity oldest = logCall(NOW.minus(Duration.ofDays(3)));
        Activity tieA = logCall(NOW.minus(Duration.ofDays(1)));
        Activity tieB = logCall(NOW.minus(Duration.ofDays(1)));
        Activity newest = logCall(NOW.minus(Duration.ofHours(1)));
        List<ActivityId> ties = tieA.id().value().compareTo(tieB.id().value()) > 0
                ? List.of(tieA.id(), tieB.id())
                : List.of(tieB.id(), tieA.id());

        var first = crm.activities().timeline(contact, TimelineFilter.ALL, PageRequest.of(0, 3));
        var second = crm.activities().timeline(account, TimelineFilter.ALL, PageRequest.of(1, 3));

        assertThat(first.items()).extracting(Activity::id).containsExactly(newest.id(), ties.get(0), ties.get(1));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.totalElements()).isEqualTo(4);
        assertThat(second.items()).extracting(Activity::id).containsExactly(oldest.id());
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void timelineFiltersByKindAndTimeRange() {
        logCall(NOW.minus(Duration.ofDays(10)));
        Activity recentCall = logCall(NOW.minus(Duration.ofDays(2)));
        Activity note = crm.activities()
                .logActivity(NewActivity.note(contact, "Prefers email", null, NOW.minus(Duration.ofDays(1))));

        var calls = crm.activities().timeline(contact, TimelineFilter.kinds(ActivityKind.CALL), PageRequest.first(10));
        var lastWeek = crm.activities()
                .timeline(contact, TimelineFilter.during(NOW.minus(Duration.ofDays(7)), NOW), PageRequest.first(10));
        var notesOfAccount =
                crm.activities().timeline(account, TimelineFilter.kinds(ActivityKind.NOTE), PageRequest.first(10));

        assertThat(calls.items()).hasSize(2).allMatch(a -> a.kind() == ActivityKind.CALL);
        assertThat(lastWeek.items()).extracting(Activity::id).containsExactly(note.id(), recentCall.id());
        assertThat(notesOfAccount.items()).isEmpty();
    }

    @Test
    void timelineOfARecordShowsActivitiesRegardingIt() {
        RecordRef campaign = RecordRef.campaign(StoredRecords.campaign(storage, Clock.fixed(NOW, ZoneOffset.UTC)));
        Activity aboutCampaign = crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, null, "Campaign review", NOW)
                        .aboutAccount(account)
                        .regarding(campaign));
        logCall(NOW);

        assertThat(crm.activities()
                        .timeline(campaign, TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .extracting(Activity::id)
                .containsExactly(aboutCampaign.id());
    }

    @Test
    void correctionIsStoredWithANewVersionAndPublished() {
        Activity logged = logCall(NOW);

        Activity corrected = crm.activities()
                .correct(
                        logged.id(), ActivityCorrection.of("Support call", "Printer issue", ActivityOutcome.COMPLETED));

        assertThat(corrected.version()).isEqualTo(2);
        assertThat(crm.activities().findActivity(logged.id()).orElseThrow().summary())
                .isEqualTo("Printer issue");
        assertThat(published).last().isInstanceOf(ActivityCorrected.class);
    }

    @Test
    void refusedCorrectionLeavesTheStoredActivityUnchanged() {
        Activity logged = logCall(NOW);

        assertThatThrownBy(() -> crm.activities()
                        .correct(logged.id(), ActivityCorrection.of("x", null, ActivityOutcome.NO_SHOW)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
        assertThat(crm.activities().findActivity(logged.id()).orElseThrow().state())
                .isEqualTo(logged.state());
    }

    @Test
    void deletedActivityLeavesTheTimelineAndIsPublished() {
        Activity logged = logCall(NOW);

        crm.activities().delete(logged.id());

        assertThat(crm.activities().findActivity(logged.id())).isEmpty();
        assertThat(crm.activities()
                        .timeline(contact, TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(published).last().isInstanceOf(ActivityDeleted.class);
    }

    @Test
    void unknownActivityIsReportedAsNotFound() {
        assertThatThrownBy(() -> crm.activities().delete(ActivityId.of(UUID.randomUUID())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void activitiesOfAnotherTenantAreInvisible() {
        logCall(NOW);
        Crm other = Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .tenant(TenantId.of("other"))
                .build();

        assertThat(other.activities()
                        .timeline(contact, TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void createdTaskIsListedForItsAssigneeAndPublished() {
        Task task = crm.activities()
                .createTask(NewTask.of("Call back", NOW.plus(Duration.ofDays(1)), ADA)
                        .linkedTo(RecordRef.contact(contact)));

        assertThat(crm.activities()
                        .tasksOf(ADA, TaskStatus.ACTIVE, PageRequest.first(10))
                        .items())
                .extracting(Task::id)
                .containsExactly(task.id());
        assertThat(crm.activities()
                        .tasksLinkedTo(RecordRef.contact(contact), PageRequest.first(10))
                        .items())
                .extracting(Task::id)
                .containsExactly(task.id());
        assertThat(published).singleElement().isInstanceOf(TaskCreated.class);
    }

    @Test
    void taskWorkflowFromStartToCompletionIsStoredStepByStep() {
        TaskId id = crm.activities()
                .createTask(NewTask.of("Send offer", NOW.plus(Duration.ofDays(1)), ADA))
                .id();

        crm.activities().start(id);
        crm.activities().reassign(id, BOB);
        Task done = crm.activities().complete(id);

        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.assignee()).isEqualTo(BOB);
        assertThat(done.version()).isEqualTo(4);
        assertThat(crm.activities()
                        .tasksOf(BOB, Set.of(TaskStatus.DONE), PageRequest.first(10))
                        .items())
                .extracting(Task::id)
                .containsExactly(id);
        assertThat(crm.activities()
                        .tasksOf(ADA, Set.of(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(published).last().isInstanceOf(TaskCompleted.class);
    }

    @Test
    void illegalTaskTransitionIsRefusedAndNothingChanges() {
        TaskId id = crm.activities()
                .createTask(NewTask.of("Send offer", NOW.plus(Duration.ofDays(1)), ADA))
                .id();
        crm.activities().cancel(id);
        int eventsBefore = published.size();

        assertThatThrownBy(() -> crm.activities().complete(id))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CANCELLED")
                .hasMessageContaining("DONE");
        assertThat(crm.activities().findTask(id).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(published).hasSize(eventsBefore);
    }

    @Test
    void overdueTasksAreTheActiveOnesWhoseDueTimeHasPassed() {
        Task early = crm.activities().createTask(NewTask.of("Early", NOW.plus(Duration.ofHours(1)), ADA));
        Task late = crm.activities().createTask(NewTask.of("Late", NOW.plus(Duration.ofHours(2)), ADA));
        Task done = crm.activities().createTask(NewTask.of("Done", NOW.plus(Duration.ofMinutes(30)), ADA));
        crm.activities().createTask(NewTask.of("Future", NOW.plus(Duration.ofDays(5)), ADA));
        crm.activities().complete(done.id());

        Crm tomorrow = crmAt(NOW.plus(Duration.ofDays(1)));

        assertThat(tomorrow.activities().overdueTasks(PageRequest.first(10)).items())
                .extracting(Task::id)
                .containsExactly(early.id(), late.id());
        assertThat(tomorrow.activities()
                        .tasksDueBetween(NOW, NOW.plus(Duration.ofHours(2)), PageRequest.first(10))
                        .items())
                .extracting(Task::id)
                .containsExactly(early.id());
    }

    @Test
    void reminderDueIsListedUntilMarkedSentAndReturnsAfterSnooze() {
        Instant due = NOW.plus(Duration.ofDays(1));
        Instant reminder = due.minus(Duration.ofHours(2));
        TaskId id = crm.activities()
                .createTask(NewTask.of("Renewal", due, ADA).withReminderAt(reminder))
                .id();
        Crm atReminder = crmAt(reminder);

        assertThat(atReminder
                        .activities()
                        .remindersDue(reminder, PageRequest.first(10))
                        .items())
                .extracting(Task::id)
                .containsExactly(id);
        atReminder.activities().markReminderSent(id);
        assertThat(atReminder
                        .activities()
                        .remindersDue(reminder, PageRequest.first(10))
                        .items())
                .isEmpty();

        atReminder.activities().snooze(id, reminder.plus(Duration.ofHours(1)));
        assertThat(atReminder
                        .activities()
                        .remindersDue(reminder.plus(Duration.ofHours(1)), PageRequest.first(10))
                        .items())
                .extracting(Task::id)
                .containsExactly(id);
    }

    @Test
    void taskDueBeforeNowIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> crm.activities().createTask(NewTask.of("x", NOW.minusSeconds(1), ADA)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
        assertThat(crm.activities()
                        .tasksOf(ADA, Set.of(), PageRequest.first(10))
                        .totalElements())
                .isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void dueRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> crm.activities().tasksDueBetween(NOW, NOW, PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("until"));
    }
}
