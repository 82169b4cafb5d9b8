package org.crmkit.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.InvalidValueException;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar GERMANY =
            BusinessCalendar.of(StatutoryHolidays.builtIn(), CountryCode.of("DE"));
    private static final BusinessCalendar BRITAIN =
            BusinessCalendar.of(StatutoryHolidays.builtIn(), CountryCode.of("GB"));
    private static final BusinessCalendar STATES =
            BusinessCalendar.of(StatutoryHolidays.builtIn(), CountryCode.of("US"));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void oneBusinessDayAfterMaundyThursdaySkipsTheEasterWeekend() {
        assertThat(GERMANY.plusBusinessDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(GERMANY.plusBusinessDays(LocalDate.of(2026, 4, 7), -1)).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(GERMANY.businessDaysBetween(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 7)))
                .isEqualTo(1);
        assertThat(GERMANY.businessDaysBetween(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 2)))
                .isEqualTo(-1);
    }

    @Test
    void fourBusinessDaysAfterChristmasEveInBritainSkipChristmasAndNewYearSubstituteDays() {
        assertThat(BRITAIN.plusBusinessDays(LocalDate.of(2027, 12, 24), 4)).isEqualTo(LocalDate.of(2028, 1, 4));
        assertThat(BRITAIN.isBusinessDay(LocalDate.of(2027, 12, 28))).isFalse();
        assertThat(BRITAIN.onOrAfter(LocalDate.of(2027, 12, 25))).isEqualTo(LocalDate.of(2027, 12, 29));
    }

    @Test
    void zeroBusinessDaysIsTheDateItselfAndAWeekWithoutHolidaysHasFourAfterMonday() {
        assertThat(GERMANY.plusBusinessDays(LocalDate.of(2026, 3, 7), 0)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(GERMANY.businessDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6)))
                .isEqualTo(4);
    }

    @Test
    void messageAfterClosingTimeOnFridayWaitsForMondayMorningAcrossTheClockChange() {
        Instant fridayEvening = Instant.parse("2026-03-27T16:30:00Z");

        Instant allowed = WorkingHours.officeHours().nextAllowed(fridayEvening, BERLIN, GERMANY);

        assertThat(allowed).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(allowed.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void messageInsideWorkingHoursGoesAtOnceAndOneBeforeOpeningWaitsForOpening() {
        Instant tuesdayNoon = Instant.parse("2026-03-03T11:00:00Z");
        Instant tuesdayDawn = Instant.parse("2026-03-03T05:00:00Z");

        assertThat(WorkingHours.officeHours().nextAllowed(tuesdayNoon, BERLIN, GERMANY))
                .isEqualTo(tuesdayNoon);
        assertThat(WorkingHours.officeHours().contains(tuesdayNoon, BERLIN, GERMANY))
                .isTrue();
        assertThat(WorkingHours.officeHours().nextAllowed(tuesdayDawn, BERLIN, GERMANY))
                .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void americanCustomerIsNotWrittenToOnTheObservedIndependenceDay() {
        Instant thursdayEvening = Instant.parse("2026-07-02T22:30:00Z");

        assertThat(WorkingHours.of(LocalTime.of(8, 0), LocalTime.of(18, 0))
                        .nextAllowed(thursdayEvening, NEW_YORK, STATES))
                .isEqualTo(Instant.parse("2026-07-06T12:00:00Z"));
    }

    @Test
    void workingHoursMustCloseAfterTheyOpen() {
        assertThatThrownBy(() -> WorkingHours.of(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("closes"));
    }
}
