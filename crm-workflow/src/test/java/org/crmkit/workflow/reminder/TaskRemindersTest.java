package org.crmkit.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Recurrence;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskRecurrence;
import org.crmkit.core.activity.TaskReminderPolicy;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class TaskRemindersTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant TUESDAY_TEN = Instant.parse("2026-03-03T10:00:00Z");

    private final SettableClock clock = SettableClock.at(MONDAY);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .taskReminders(TaskReminderPolicy.standard()
                    .withOverdueNoticeAfter(Duration.ofHours(1))
                    .escalatingAfter(Duration.ofDays(2)))
            .build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final User ada =
            crm.access().registerUser("Ada Agent", EmailAddress.of("ada@acme.example"), Set.of(Role.SALES));
    private final User lena =
            crm.access().registerUser("Lena Lead", EmailAddress.of("lena@acme.example"), Set.of(Role.MANAGER));

    TaskRemindersTest() {
        TaskReminders.builder(runtime).zone(ZoneId.of("Europe/Berlin")).build();
        crm.access()
                .addTeamMember(
                        crm.access().createTeam("Inside sales", lena.id()).id(), ada.id());
    }

    private TimeFixture hourly() {
        return TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue);
    }

    private List<String> subjectsTo(User user) {
        return gateway.sent().stream()
                .filter(s -> s.message().address().equals(user.email().value()))
                .map(s -> s.message().subject())
                .toList();
    }

    @Test
    void forgottenTaskIsRemindedThenNoticedOverdueThenEscalatedToTheTeamLeadOnceEach() {
        Task task = crm.activities()
                .createTask(NewTask.of("Send the renewal offer", TUESDAY_TEN, ada.id())
                        .withReminderAt(TUESDAY_TEN.minus(Duration.ofMinutes(30))));

        hourly().whenTimeElapses(Duration.ofDays(5));

        assertThat(subjectsTo(ada))
                .containsExactly("Reminder: Send the renewal offer", "Overdue: Send the renewal offer");
        assertThat(subjectsTo(lena)).containsExactly("Escalation: Send the renewal offer (Ada Agent)");
        assertThat(gateway.sent())
                .extracting(Sent::at)
                .containsExactly(
                        Instant.parse("2026-03-03T10:00:00Z"),
                        Instant.parse("2026-03-03T11:00:00Z"),
                        Instant.parse("2026-03-05T10:00:00Z"));
        assertThat(gateway.sent().get(0).message().body())
                .isEqualTo("Hello Ada Agent,\n\nyour task 'Send the renewal offer' is due 2026-03-03 11:00 CET.");
        assertThat(gateway.sent().get(2).message().body()).endsWith("is still open after 2 days.");
        assertThat(gateway.sent())
                .extracting(Sent::key)
                .containsExactly(
                        "task-reminder:" + task.id() + ":2026-03-03T09:30:00Z",
                        "task-overdue:" + task.id() + ":2026-03-03T10:00:00Z",
                        "task-escalation:" + task.id() + ":2026-03-03T10:00:00Z");
        Task stored = crm.activities().findTask(task.id()).orElseThrow();
        assertThat(stored.escalatedTo()).isEqualTo(lena.id());
        assertThat(stored.reminderSentAt()).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
    }

    @Test
    void taskDoneBeforeItIsDueEarnsOnlyItsReminder() {
        Task task = crm.activities()
                .createTask(NewTask.of("Call Acme", TUESDAY_TEN, ada.id())
                        .withReminderAt(TUESDAY_TEN.minus(Duration.ofHours(2))));

        hourly().whenTimeElapses(Duration.between(MONDAY, TUESDAY_TEN.minus(Duration.ofMinutes(30))))
                .when(() -> crm.activities().complete(task.id()))
                .whenTimeElapses(Duration.ofDays(4));

        assertThat(subjectsTo(ada)).containsExactly("Reminder: Call Acme");
        assertThat(subjectsTo(lena)).isEmpty();
    }

    @Test
    void snoozedReminderComesAgainAtItsNewTime() {
        Task task = crm.activities()
                .createTask(NewTask.of("Prepare the demo", TUESDAY_TEN, ada.id())
                        .withReminderAt(TUESDAY_TEN.minus(Duration.ofHours(5))));

        hourly().whenTimeElapses(Duration.between(MONDAY, TUESDAY_TEN.minus(Duration.ofHours(4))))
                .when(() -> crm.activities().snooze(task.id(), TUESDAY_TEN.minus(Duration.ofHours(1))))
                .whenTimeElapses(Duration.ofHours(3))
                .when(() -> crm.activities().complete(task.id()))
                .whenTimeElapses(Duration.ofDays(3));

        assertThat(gateway.sent())
                .extracting(Sent::key)
                .containsExactly(
                        "task-reminder:" + task.id() + ":2026-03-03T05:00:00Z",
                        "task-reminder:" + task.id() + ":2026-03-03T09:00:00Z");
    }

    @Test
    void dailyStandUpTaskIsRemindedEveryDayItIsDoneAcrossTheClockChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant firstStandUp = Instant.parse("2026-03-27T08:00:00Z");
        clock.set(Instant.parse("2026-03-26T12:00:00Z"));
        Task first = crm.activities()
                .createTask(NewTask.of("Stand-up notes", firstStandUp, ada.id())
                        .withReminderAt(firstStandUp.minus(Duration.ofMinutes(15)))
                        .repeating(TaskRecurrence.of(
                                Recurrence.weekly(
                                        DayOfWeek.MONDAY,
                                        DayOfWeek.TUESDAY,
                                        DayOfWeek.WEDNESDAY,
                                        DayOfWeek.THURSDAY,
                                        DayOfWeek.FRIDAY),
                                berlin)));
        List<Task> done = new ArrayList<>();

        TimeFixture.at(clock)
                .everyTick(Duration.ofMinutes(15), now -> {
                    runtime.runDue(now);
                    crm.activities().tasksOf(ada.id(), TaskStatus.ACTIVE, PageRequest.first(5)).items().stream()
                            .filter(task -> !task.dueAt().isAfter(now))
                            .forEach(task -> done.add(crm.activities().complete(task.id())));
                })
                .whenTimeElapses(Duration.ofDays(5));

        assertThat(first.id()).isEqualTo(done.get(0).id());
        assertThat(gateway.sent())
                .extracting(s -> s.at().atZone(berlin).toLocalDateTime().toString())
                .containsExactly("2026-03-27T08:45", "2026-03-30T08:45", "2026-03-31T08:45");
    }

    @Test
    void twoRunnersAtOnceSendEachReminderOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            crm.activities()
                    .createTask(NewTask.of("Task " + i, TUESDAY_TEN, ada.id()).withReminderAt(TUESDAY_TEN));
        }
        clock.set(TUESDAY_TEN);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> runs = List.of(() -> runtime.runDue(TUESDAY_TEN), () -> runtime.runDue(TUESDAY_TEN));
            for (var run : nodes.invokeAll(runs)) {
                run.get();
            }
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(gateway.sent()).hasSize(40);
        assertThat(gateway.sent()).extracting(Sent::key).doesNotHaveDuplicates();
        assertThat(crm.activities()
                        .remindersDue(TUESDAY_TEN, PageRequest.first(50))
                        .items())
                .isEmpty();
    }
}
