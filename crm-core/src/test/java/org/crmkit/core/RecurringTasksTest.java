package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Recurrence;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskEscalated;
import org.crmkit.core.activity.TaskRecurred;
import org.crmkit.core.activity.TaskRecurrence;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

class RecurringTasksTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant MONDAY_NINE = Instant.parse("2026-03-02T08:00:00Z");
    private static final UserId ADA = UserId.of(UUID.randomUUID());
    private static final UserId LEAD = UserId.of(UUID.randomUUID());

    private final InMemoryStorage storage = InMemoryStorage.create(Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC));
    private final List<DomainEvent> published = new ArrayList<>();
    private TaskReminderPolicy policy = TaskReminderPolicy.standard();

    private Crm at(Instant now) {
        return Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .taskReminders(policy)
                .eventListener(entry -> published.add(entry.event()))
                .build();
    }

    private Task weeklyQueueCheck() {
        return at(MONDAY_MORNING)
                .activities()
                .createTask(NewTask.of("Check the support queue", MONDAY_NINE, ADA)
                        .withReminderAt(MONDAY_NINE.minus(Duration.ofMinutes(30)))
                        .repeating(TaskRecurrence.of(Recurrence.weekly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), BERLIN)));
    }

    @Test
    void completingAWeeklyTaskCreatesItsNextOccurrenceWithTheSameReminderLead() {
        Task monday = weeklyQueueCheck();

        Task done = at(MONDAY_NINE.plusSeconds(600)).activities().complete(monday.id());

        Task thursday = at(MONDAY_NINE).activities().nextOccurrence(done.id()).orElseThrow();
        Instant thursdayNine = Instant.parse("2026-03-05T08:00:00Z");
        assertThat(thursday.dueAt()).isEqualTo(thursdayNine);
        assertThat(thursday.reminderAt()).isEqualTo(thursdayNine.minus(Duration.ofMinutes(30)));
        assertThat(thursday.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(thursday.subject()).isEqualTo("Check the support queue");
        assertThat(thursday.recurrence()).isEqualTo(monday.recurrence());
        assertThat(done.nextOccurrence()).isEqualTo(thursday.id());
        assertThat(published)
                .filteredOn(TaskRecurred.class::isInstance)
                .singleElement()
                .isEqualTo(new TaskRecurred(
                        done.tenant(), done.id().value(), MONDAY_NINE.plusSeconds(600), thursday.id(), thursdayNine));
    }

    @Test
    void reopeningAndCompletingAgainCreatesNoSecondOccurrence() {
        Task monday = weeklyQueueCheck();
        Crm crm = at(MONDAY_NINE.plusSeconds(600));
        crm.activities().complete(monday.id());
        crm.activities().reopen(monday.id());

        crm.activities().complete(monday.id());

        assertThat(crm.activities()
                        .tasksOf(ADA, Set.of(), PageRequest.first(10))
                        .items())
                .extracting(Task::status)
                .containsExactly(TaskStatus.DONE, TaskStatus.OPEN);
    }

    @Test
    void cancelledOccurrenceEndsTheSeries() {
        Task monday = weeklyQueueCheck();

        Crm crm = at(MONDAY_MORNING);
        crm.activities().cancel(monday.id());

        assertThat(crm.activities().nextOccurrence(monday.id())).isEmpty();
        assertThat(crm.activities()
                        .tasksOf(ADA, TaskStatus.ACTIVE, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void lastOccurrenceOfASeriesWithAnEndCreatesNoNext() {
        Task monday = at(MONDAY_MORNING)
                .activities()
                .createTask(NewTask.of("Stand-up", MONDAY_NINE, ADA)
                        .repeating(TaskRecurrence.of(Recurrence.daily(), BERLIN).until(LocalDate.of(2026, 3, 2))));

        Task done = at(MONDAY_NINE).activities().complete(monday.id());

        assertThat(done.nextOccurrence()).isNull();
        assertThat(published).noneMatch(TaskRecurred.class::isInstance);
    }

    @Test
    void taskWithoutItsOwnReminderGetsThePolicysLeadTimeAndKeepsAnExplicitOne() {
        policy = TaskReminderPolicy.standard().withLeadTime(Duration.ofHours(2));
        Crm crm = at(MONDAY_MORNING);
        Instant tomorrow = MONDAY_NINE.plus(Duration.ofDays(1));

        Task plain = crm.activities().createTask(NewTask.of("Send offer", tomorrow, ADA));
        Task explicit = crm.activities()
                .createTask(NewTask.of("Call back", tomorrow, ADA).withReminderAt(tomorrow.minusSeconds(60)));
        Task soon = crm.activities().createTask(NewTask.of("Quick call", MONDAY_MORNING.plusSeconds(600), ADA));

        assertThat(plain.reminderAt()).isEqualTo(tomorrow.minus(Duration.ofHours(2)));
        assertThat(explicit.reminderAt()).isEqualTo(tomorrow.minusSeconds(60));
        assertThat(soon.reminderAt()).isEqualTo(MONDAY_MORNING);
        assertThat(crm.activities().reminderPolicy()).isEqualTo(policy);
    }

    @Test
    void overdueTaskIsNoticedThenEscalatedOnceEachAndRescheduleStartsAfresh() {
        policy = TaskReminderPolicy.standard()
                .withOverdueNoticeAfter(Duration.ofHours(1))
                .escalatingAfter(Duration.ofDays(2));
        Task task = at(MONDAY_MORNING).activities().createTask(NewTask.of("Send contract", MONDAY_NINE, ADA));
        Instant halfHourLate = MONDAY_NINE.plus(Duration.ofMinutes(30));
        Instant dayLate = MONDAY_NINE.plus(Duration.ofDays(1));
        Instant twoDaysLate = MONDAY_NINE.plus(Duration.ofDays(2));

        assertThat(policy.overdueNoticeDue(task, halfHourLate)).isFalse();
        assertThat(policy.overdueNoticeDue(task, dayLate)).isTrue();
        Task noticed = at(dayLate).activities().markOverdueNoticeSent(task.id());
        assertThat(policy.overdueNoticeDue(noticed, twoDaysLate)).isFalse();
        assertThat(policy.escalationDue(noticed, dayLate)).isFalse();
        assertThat(policy.escalationDue(noticed, twoDaysLate)).isTrue();
        Task escalated = at(twoDaysLate).activities().markEscalated(task.id(), LEAD);
        assertThat(escalated.escalatedTo()).isEqualTo(LEAD);
        assertThat(policy.escalationDue(escalated, twoDaysLate.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> at(twoDaysLate).activities().markEscalated(task.id(), LEAD))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(published).filteredOn(TaskEscalated.class::isInstance).hasSize(1);

        Task rescheduled = at(twoDaysLate).activities().reschedule(task.id(), twoDaysLate.plus(Duration.ofDays(1)));

        assertThat(rescheduled.overdueNoticeSentAt()).isNull();
        assertThat(rescheduled.escalatedAt()).isNull();
        assertThat(policy.overdueNoticeDue(rescheduled, twoDaysLate.plus(Duration.ofDays(2))))
                .isTrue();
    }

    @Test
    void taskNotOverdueCannotBeMarkedNoticedOrEscalated() {
        Task task = at(MONDAY_MORNING).activities().createTask(NewTask.of("Send contract", MONDAY_NINE, ADA));

        assertThatThrownBy(() -> at(MONDAY_MORNING).activities().markOverdueNoticeSent(task.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no overdue notice");
        assertThatThrownBy(() -> at(MONDAY_MORNING).activities().markEscalated(task.id(), LEAD))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no escalation");
    }

    @Test
    void escalationBeforeTheOverdueNoticeIsRefusedWhenThePolicyIsBuilt() {
        assertThatThrownBy(() -> TaskReminderPolicy.standard()
                        .withOverdueNoticeAfter(Duration.ofDays(2))
                        .escalatingAfter(Duration.ofDays(1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("escalateAfter"));
        assertThatThrownBy(() -> TaskReminderPolicy.standard().withLeadTime(Duration.ofHours(-1)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("leadTime"));
    }
}
