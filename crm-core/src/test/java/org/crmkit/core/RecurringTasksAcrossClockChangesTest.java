package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Recurrence;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskRecurrence;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** A series keeps its local time of day across the clock changes of its zone. */
class RecurringTasksAcrossClockChangesTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final UserId ADA = UserId.of(UUID.randomUUID());

    private final InMemoryStorage storage = InMemoryStorage.create(Clock.systemUTC());

    private Crm at(Instant now) {
        return Crm.builder()
                .storage(storage)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    /** Creates the series' first task an hour before it is due, then completes each occurrence when it is due. */
    private List<LocalDateTime> occurrences(Instant firstDue, TaskRecurrence recurrence, int count) {
        Task task = at(firstDue.minusSeconds(3600))
                .activities()
                .createTask(NewTask.of("Night backup check", firstDue, ADA).repeating(recurrence));
        List<LocalDateTime> local = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            local.add(LocalDateTime.ofInstant(task.dueAt(), recurrence.zone()));
            Crm crm = at(task.dueAt());
            crm.activities().complete(task.id());
            task = crm.activities().nextOccurrence(task.id()).orElseThrow();
        }
        return local;
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void aDailyTaskAtHalfPastTwoInWarsawIsAtHalfPastThreeOnTheSpringForwardDayOnly() {
        assertThat(occurrences(at("2026-03-28T02:30", WARSAW), TaskRecurrence.of(Recurrence.daily(), WARSAW), 4))
                .containsExactly(
                        LocalDateTime.parse("2026-03-28T02:30"),
                        LocalDateTime.parse("2026-03-29T03:30"),
                        LocalDateTime.parse("2026-03-30T02:30"),
                        LocalDateTime.parse("2026-03-31T02:30"));
    }

    @Test
    void aDailyTaskAtHalfPastTwoInNewYorkIsAtHalfPastThreeOnTheSpringForwardDayOnly() {
        assertThat(occurrences(at("2026-03-07T02:30", NEW_YORK), TaskRecurrence.of(Recurrence.daily(), NEW_YORK), 4))
                .containsExactly(
                        LocalDateTime.parse("2026-03-07T02:30"),
                        LocalDateTime.parse("2026-03-08T03:30"),
                        LocalDateTime.parse("2026-03-09T02:30"),
                        LocalDateTime.parse("2026-03-10T02:30"));
    }

    @Test
    void aWeeklyTaskKeepsItsTimeOfDayAfterTheGap() {
        TaskRecurrence sundays = TaskRecurrence.of(Recurrence.weekly(DayOfWeek.SUNDAY), WARSAW);

        assertThat(occurrences(at("2026-03-22T02:30", WARSAW), sundays, 3))
                .containsExactly(
                        LocalDateTime.parse("2026-03-22T02:30"),
                        LocalDateTime.parse("2026-03-29T03:30"),
                        LocalDateTime.parse("2026-04-05T02:30"));
    }

    @Test
    void aMonthlySeriesFirstDueInTheGapKeepsTheTimeOfDayItWasGiven() {
        TaskRecurrence monthly =
                TaskRecurrence.of(Recurrence.monthlyOnDay(29), WARSAW).at(java.time.LocalTime.of(2, 30));

        assertThat(occurrences(at("2026-03-29T02:30", WARSAW), monthly, 3))
                .containsExactly(
                        LocalDateTime.parse("2026-03-29T03:30"),
                        LocalDateTime.parse("2026-04-29T02:30"),
                        LocalDateTime.parse("2026-05-29T02:30"));
    }

    @Test
    void onTheFallBackDayATimeThatHappensTwiceIsTakenAtItsFirstOccurrence() {
        Instant first = at("2026-10-24T02:30", WARSAW);
        Task task = at(first.minusSeconds(3600))
                .activities()
                .createTask(NewTask.of("Night backup check", first, ADA)
                        .repeating(TaskRecurrence.of(Recurrence.daily(), WARSAW)));
        List<Instant> dues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dues.add(task.dueAt());
            Crm crm = at(task.dueAt());
            crm.activities().complete(task.id());
            task = crm.activities().nextOccurrence(task.id()).orElseThrow();
        }

        // 02:30 summer time (UTC+2) on the 25th comes before the clocks go back from 03:00 to 02:00
        assertThat(dues)
                .containsExactly(
                        Instant.parse("2026-10-24T00:30:00Z"),
                        Instant.parse("2026-10-25T00:30:00Z"),
                        Instant.parse("2026-10-26T01:30:00Z"));
    }
}
