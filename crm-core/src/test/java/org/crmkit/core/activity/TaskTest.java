package org.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.activity.ActivityTest.assertInvalid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Actor AGENT = Actor.of("u-17", "Ada Agent");
    private static final UserId ADA = UserId.of(UUID.randomUUID());
    private static final UserId BOB = UserId.of(UUID.randomUUID());
    private static final Instant DUE = NOW.plus(Duration.ofDays(2));

    /** The transition table as the business states it, written out independently of the implementation. */
    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = Map.of(
            TaskStatus.OPEN, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED),
            TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.DONE, TaskStatus.CANCELLED),
            TaskStatus.DONE, EnumSet.of(TaskStatus.OPEN),
            TaskStatus.CANCELLED, EnumSet.of(TaskStatus.OPEN));

    private static Task task() {
        return Task.create(
                TENANT,
                TaskId.of(UUID.randomUUID()),
                NewTask.of("Call back", DUE, ADA).withReminderAt(DUE.minus(Duration.ofHours(1))),
                AGENT,
                CLOCK);
    }

    private static Task taskIn(TaskStatus status) {
        Task task = task();
        switch (status) {
            case OPEN -> {}
            case IN_PROGRESS -> task.start(AGENT, CLOCK);
            case DONE -> task.complete(AGENT, CLOCK);
            case CANCELLED -> task.cancel(AGENT, CLOCK);
        }
        return task;
    }

    private static void moveTo(Task task, TaskStatus target) {
        switch (target) {
            case OPEN -> task.reopen(AGENT, CLOCK);
            case IN_PROGRESS -> task.start(AGENT, CLOCK);
            case DONE -> task.complete(AGENT, CLOCK);
            case CANCELLED -> task.cancel(AGENT, CLOCK);
        }
    }

    static Stream<Arguments> everyPairOfStatuses() {
        return EnumSet.allOf(TaskStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(TaskStatus.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void statusMovesFollowTheTransitionTable(TaskStatus from, TaskStatus to) {
        Task task = taskIn(from);
        if (ALLOWED.get(from).contains(to)) {
            moveTo(task, to);
            assertThat(task.status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> moveTo(task, to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.name())
                    .hasMessageContaining(to.name());
            assertThat(task.status()).isEqualTo(from);
        }
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @Test
    void newTaskIsOpenAndRecordsTaskCreated() {
        Task task = task();

        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(task.createdAt()).isEqualTo(NOW);
        assertThat(task.createdBy()).isEqualTo(AGENT);
        assertThat(task.pendingEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        TaskCreated.class, event -> assertThat(event.assignee()).isEqualTo(ADA));
    }

    @Test
    void completingRemembersWhenAndByWhomAndReopeningForgetsIt() {
        Task task = task();
        Clock later = Clock.offset(CLOCK, Duration.ofHours(3));

        task.complete(AGENT, later);
        assertThat(task.completedAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(task.completedBy()).isEqualTo(AGENT);
        assertThat(task.pendingEvents()).last().isInstanceOf(TaskCompleted.class);

        task.reopen(AGENT, later);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.completedAt()).isNull();
        assertThat(task.completedBy()).isNull();
        assertThat(task.pendingEvents()).last().isInstanceOf(TaskReopened.class);
    }

    @Test
    void aDoneTaskAboutALeadIsCarriedOverToTheContactItBecameOnce() {
        LeadId lead = LeadId.of(UUID.randomUUID());
        ContactId contact = ContactId.of(UUID.randomUUID());
        Task task = Task.create(
                TENANT,
                TaskId.of(UUID.randomUUID()),
                NewTask.of("Send the brochure", DUE, ADA).linkedTo(RecordRef.lead(lead)),
                AGENT,
                CLOCK);
        task.complete(AGENT, CLOCK);
        Clock later = Clock.offset(CLOCK, Duration.ofDays(1));

        task.carryOverFromLead(lead, contact, later);
        task.carryOverFromLead(lead, contact, later);

        assertThat(task.link()).isEqualTo(RecordRef.contact(contact));
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(task.completedAt()).isEqualTo(NOW);
        assertThat(task.pendingEvents())
                .hasSize(3)
                .last()
                .isEqualTo(new TaskCarriedOver(TENANT, task.id().value(), NOW.plus(Duration.ofDays(1)), lead, contact));
    }

    @Test
    void onlyATaskAboutTheLeadIsCarriedOver() {
        Task task = Task.create(
                TENANT,
                TaskId.of(UUID.randomUUID()),
                NewTask.of("Call back", DUE, ADA).linkedTo(RecordRef.lead(LeadId.of(UUID.randomUUID()))),
                AGENT,
                CLOCK);

        assertInvalid(
                () -> task.carryOverFromLead(LeadId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID()), CLOCK),
                "lead");
        assertInvalid(
                () -> task().carryOverFromLead(LeadId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID()), CLOCK),
                "lead");
        assertThat(task.link().type()).isEqualTo(RecordType.LEAD);
    }

    @Test
    void stateRoundTripRestoresEveryField() {
        Task task = Task.create(
                TENANT,
                TaskId.of(UUID.randomUUID()),
                new NewTask(
                        "Send offer",
                        "20 seats",
                        DUE,
                        ADA,
                        TaskPriority.URGENT,
                        RecordRef.invoice(InvoiceId.of(UUID.randomUUID())),
                        DUE.minusSeconds(60)),
                AGENT,
                CLOCK);
        task.complete(AGENT, CLOCK);

        assertThat(Task.restore(task.state()).state()).isEqualTo(task.state());
    }

    @Test
    void dueTimeBeforeCreationIsRefused() {
        assertInvalid(
                () -> Task.create(
                        TENANT, TaskId.of(UUID.randomUUID()), NewTask.of("x", NOW.minusSeconds(1), ADA), AGENT, CLOCK),
                "dueAt");
    }

    @Test
    void reminderAfterTheDueTimeIsRefused() {
        assertInvalid(() -> NewTask.of("x", DUE, ADA).withReminderAt(DUE.plusSeconds(1)), "reminderAt");
    }

    @Test
    void missingSubjectAssigneeOrDueTimeIsRefused() {
        assertInvalid(() -> NewTask.of(" ", DUE, ADA), "subject");
        assertInvalid(() -> NewTask.of("x", DUE, null), "assignee");
        assertInvalid(() -> NewTask.of("x", null, ADA), "dueAt");
    }

    @Test
    void reassigningMovesTheTaskAndNamesBothAssignees() {
        Task task = task();

        task.reassign(BOB, AGENT, CLOCK);

        assertThat(task.assignee()).isEqualTo(BOB);
        assertThat(task.pendingEvents()).last().isInstanceOfSatisfying(TaskReassigned.class, event -> {
            assertThat(event.previousAssignee()).isEqualTo(ADA);
            assertThat(event.assignee()).isEqualTo(BOB);
        });
    }

    @Test
    void reassigningToTheSameAssigneeOrAClosedTaskIsRefused() {
        assertInvalid(() -> task().reassign(ADA, AGENT, CLOCK), "assignee");
        assertThatThrownBy(() -> taskIn(TaskStatus.DONE).reassign(BOB, AGENT, CLOCK))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("DONE");
    }

    @Test
    void overdueMeansActiveAndDueBeforeTheGivenTime() {
        assertThat(task().isOverdue(DUE)).isFalse();
        assertThat(task().isOverdue(DUE.plusSeconds(1))).isTrue();
        assertThat(taskIn(TaskStatus.DONE).isOverdue(DUE.plusSeconds(1))).isFalse();
    }

    @Test
    void reminderIsDueOnceItsTimeHasComeUntilItIsSent() {
        Task task = task();
        Instant reminder = DUE.minus(Duration.ofHours(1));
        assertThat(task.isReminderDue(reminder.minusSeconds(1))).isFalse();
        assertThat(task.isReminderDue(reminder)).isTrue();

        task.markReminderSent(Clock.fixed(reminder, ZoneOffset.UTC));

        assertThat(task.reminderSentAt()).isEqualTo(reminder);
        assertThat(task.isReminderDue(reminder.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> task.markReminderSent(Clock.fixed(reminder, ZoneOffset.UTC)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void snoozingMovesTheReminderAndMakesItDueAgainLater() {
        Task task = task();
        Instant reminder = DUE.minus(Duration.ofHours(1));
        Clock atReminder = Clock.fixed(reminder, ZoneOffset.UTC);
        task.markReminderSent(atReminder);

        task.snooze(reminder.plus(Duration.ofMinutes(30)), atReminder);

        assertThat(task.reminderAt()).isEqualTo(reminder.plus(Duration.ofMinutes(30)));
        assertThat(task.reminderSentAt()).isNull();
        assertThat(task.isReminderDue(reminder.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(task.pendingEvents()).last().isInstanceOf(TaskReminderSnoozed.class);
    }

    @Test
    void snoozeMustLieAfterNowAndNotAfterTheDueTime() {
        assertInvalid(() -> task().snooze(NOW, CLOCK), "until");
        assertInvalid(() -> task().snooze(DUE.plusSeconds(1), CLOCK), "until");
    }

    @Test
    void reschedulingEarlierPullsALaterReminderToTheNewDueTime() {
        Task task = task();
        Instant earlier = NOW.plus(Duration.ofMinutes(30));

        task.reschedule(earlier, CLOCK);

        assertThat(task.dueAt()).isEqualTo(earlier);
        assertThat(task.reminderAt()).isEqualTo(earlier);
        assertInvalid(() -> task.reschedule(NOW.minusSeconds(1), CLOCK), "dueAt");
    }
}
