package org.crmkit.core.activity;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.InvalidValueException;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<LocalDate> series(Recurrence recurrence, LocalDate first, int count) {
        List<LocalDate> dates = new ArrayList<>(List.of(first));
        while (dates.size() < count) {
            dates.add(recurrence.next(dates.get(dates.size() - 1)));
        }
        return dates;
    }

    @Test
    void weeklyOnMondayAndThursdayAlternatesBetweenThem() {
        assertThat(series(Recurrence.weekly(MONDAY, THURSDAY), LocalDate.of(2026, 3, 2), 4))
                .containsExactly(
                        LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 5),
                        LocalDate.of(2026, 3, 9),
                        LocalDate.of(2026, 3, 12));
    }

    @Test
    void everySecondWeekSkipsTheWeekInBetween() {
        assertThat(series(Recurrence.everyWeeks(2, EnumSet.of(MONDAY, THURSDAY)), LocalDate.of(2026, 3, 5), 3))
                .containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 19));
    }

    @Test
    void dailyEveryThreeDaysCrossesTheMonthEnd() {
        assertThat(Recurrence.everyDays(3).next(LocalDate.of(2026, 2, 27))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void monthlyOnThe31stFallsOnTheLastDayOfShorterMonthsAndReturnsToThe31st() {
        assertThat(series(Recurrence.monthlyOnDay(31), LocalDate.of(2028, 1, 31), 4))
                .containsExactly(
                        LocalDate.of(2028, 1, 31),
                        LocalDate.of(2028, 2, 29),
                        LocalDate.of(2028, 3, 31),
                        LocalDate.of(2028, 4, 30));
    }

    @Test
    void monthlyOnTheSecondTuesdayAndOnTheLastFriday() {
        assertThat(Recurrence.monthlyOnWeekday(2, TUESDAY).next(LocalDate.of(2026, 3, 10)))
                .isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(Recurrence.monthlyOnWeekday(-1, FRIDAY).next(LocalDate.of(2026, 3, 27)))
                .isEqualTo(LocalDate.of(2026, 4, 24));
    }

    @Test
    void yearlyOn29FebruaryFallsOnThe28thInCommonYears() {
        assertThat(series(Recurrence.yearly(MonthDay.of(2, 29)), LocalDate.of(2024, 2, 29), 5))
                .containsExactly(
                        LocalDate.of(2024, 2, 29),
                        LocalDate.of(2025, 2, 28),
                        LocalDate.of(2026, 2, 28),
                        LocalDate.of(2027, 2, 28),
                        LocalDate.of(2028, 2, 29));
    }

    @Test
    void weeklyTaskAtNineInBerlinStaysAtNineAcrossTheClockChange() {
        TaskRecurrence mondays = TaskRecurrence.of(Recurrence.weekly(MONDAY), BERLIN);
        Instant lastWinterMonday = Instant.parse("2026-03-23T08:00:00Z");

        assertThat(mondays.nextDue(lastWinterMonday, lastWinterMonday)).contains(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void taskCompletedLateContinuesWithTheFirstOccurrenceAfterCompletion() {
        TaskRecurrence mondaysAndThursdays = TaskRecurrence.of(Recurrence.weekly(MONDAY, THURSDAY), BERLIN);
        Instant mondayDue = Instant.parse("2026-03-02T08:00:00Z");
        Instant completedNextWednesday = Instant.parse("2026-03-11T15:00:00Z");

        assertThat(mondaysAndThursdays.nextDue(mondayDue, completedNextWednesday))
                .contains(Instant.parse("2026-03-12T08:00:00Z"));
    }

    @Test
    void seriesEndsAfterItsLastDate() {
        TaskRecurrence untilThursday =
                TaskRecurrence.of(Recurrence.weekly(MONDAY, THURSDAY), BERLIN).until(LocalDate.of(2026, 3, 5));
        Instant thursday = Instant.parse("2026-03-05T08:00:00Z");

        assertThat(untilThursday.nextDue(Instant.parse("2026-03-02T08:00:00Z"), thursday.minusSeconds(3600)))
                .contains(thursday);
        assertThat(untilThursday.nextDue(thursday, thursday)).isEmpty();
    }

    @Test
    void badRecurrencesAreRefusedNamingTheField() {
        assertField(() -> Recurrence.everyDays(0), "interval");
        assertField(() -> Recurrence.everyWeeks(1, Set.<DayOfWeek>of()), "days");
        assertField(() -> Recurrence.monthlyOnDay(32), "dayOfMonth");
        assertField(() -> Recurrence.monthlyOnWeekday(5, MONDAY), "ordinal");
        assertField(() -> TaskRecurrence.of(Recurrence.daily(), null), "zone");
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
