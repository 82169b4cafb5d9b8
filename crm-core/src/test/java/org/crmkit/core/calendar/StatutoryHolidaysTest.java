package org.crmkit.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.spi.HolidayCalendar;
import org.junit.jupiter.api.Test;

class StatutoryHolidaysTest {

    private static final HolidayCalendar CALENDAR = StatutoryHolidays.builtIn();
    private static final CountryCode DE = CountryCode.of("DE");
    private static final CountryCode GB = CountryCode.of("GB");
    private static final CountryCode US = CountryCode.of("US");
    private static final CountryCode NL = CountryCode.of("NL");

    private static List<LocalDate> daysOff(CountryCode country, int year) {
        return CALENDAR.holidays(country, year).stream().map(Holiday::date).toList();
    }

    private static Holiday on(CountryCode country, LocalDate date) {
        return CALENDAR.holidays(country, date.getYear()).stream()
                .filter(holiday -> holiday.date().equals(date))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no holiday in " + country + " on " + date));
    }

    @Test
    void germanyHasItsNineNationwideHolidaysIn2026() {
        assertThat(daysOff(DE, 2026))
                .containsExactly(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 4, 3),
                        LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 14),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 10, 3),
                        LocalDate.of(2026, 12, 25),
                        LocalDate.of(2026, 12, 26));
        assertThat(on(DE, LocalDate.of(2026, 5, 25)).key()).isEqualTo("whit-monday");
    }

    @Test
    void germanHolidayOnASaturdayEarnsNoSubstituteDay() {
        assertThat(CALENDAR.holidays(DE, 2026)).noneMatch(Holiday::substitute);
        assertThat(CALENDAR.isHoliday(DE, LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    void britishChristmasOnASaturdayMovesBothChristmasAndBoxingDayToMondayAndTuesday() {
        assertThat(on(GB, LocalDate.of(2027, 12, 27))).satisfies(substitute -> {
            assertThat(substitute.key()).isEqualTo("christmas-day");
            assertThat(substitute.substitute()).isTrue();
        });
        assertThat(on(GB, LocalDate.of(2027, 12, 28)).name()).isEqualTo("Boxing Day (substitute day)");
        assertThat(on(GB, LocalDate.of(2027, 12, 25)).substitute()).isFalse();
    }

    @Test
    void britishChristmasOnASundayIsSubstitutedAfterBoxingDay() {
        assertThat(on(GB, LocalDate.of(2022, 12, 26)).substitute()).isFalse();
        assertThat(on(GB, LocalDate.of(2022, 12, 27))).satisfies(substitute -> {
            assertThat(substitute.key()).isEqualTo("christmas-day");
            assertThat(substitute.substitute()).isTrue();
        });
    }

    @Test
    void britishOneOffBankHolidaysOf2022AreKnown() {
        assertThat(daysOff(GB, 2022))
                .contains(
                        LocalDate.of(2022, 1, 3),
                        LocalDate.of(2022, 6, 2),
                        LocalDate.of(2022, 6, 3),
                        LocalDate.of(2022, 9, 19))
                .doesNotContain(LocalDate.of(2022, 5, 30));
        assertThat(on(GB, LocalDate.of(2023, 5, 8)).key()).isEqualTo("kings-coronation");
    }

    @Test
    void americanHolidayOnASaturdayIsObservedOnFridayEvenAcrossTheTurnOfTheYear() {
        assertThat(on(US, LocalDate.of(2026, 7, 3))).satisfies(observed -> {
            assertThat(observed.key()).isEqualTo("independence-day");
            assertThat(observed.substitute()).isTrue();
        });
        assertThat(on(US, LocalDate.of(2021, 12, 31)).key()).isEqualTo("new-years-day");
        assertThat(daysOff(US, 2022))
                .contains(LocalDate.of(2022, 6, 20), LocalDate.of(2022, 12, 26))
                .doesNotContain(LocalDate.of(2022, 12, 30));
    }

    @Test
    void americanFloatingHolidaysFallOnTheirWeekdays() {
        Map<String, LocalDate> expected = Map.of(
                "martin-luther-king-day",
                LocalDate.of(2026, 1, 19),
                "memorial-day",
                LocalDate.of(2026, 5, 25),
                "labour-day",
                LocalDate.of(2026, 9, 7),
                "thanksgiving-day",
                LocalDate.of(2026, 11, 26));
        expected.forEach((key, date) -> assertThat(on(US, date).key()).isEqualTo(key));
        assertThat(CALENDAR.holidays(US, 2020))
                .noneMatch(holiday -> holiday.key().equals("juneteenth"));
    }

    @Test
    void dutchKingsDayOnASundayIsCelebratedOnSaturday() {
        assertThat(on(NL, LocalDate.of(2025, 4, 26))).satisfies(observed -> {
            assertThat(observed.key()).isEqualTo("kings-day");
            assertThat(observed.substitute()).isTrue();
        });
        assertThat(on(NL, LocalDate.of(2026, 4, 27)).key()).isEqualTo("kings-day");
    }

    @Test
    void austrianSwissAndFrenchCalendarsHaveTheirNationalDays() {
        assertThat(on(CountryCode.of("AT"), LocalDate.of(2026, 10, 26)).key()).isEqualTo("national-day");
        assertThat(on(CountryCode.of("AT"), LocalDate.of(2026, 6, 4)).key()).isEqualTo("corpus-christi");
        assertThat(on(CountryCode.of("CH"), LocalDate.of(2026, 8, 1)).key()).isEqualTo("national-day");
        assertThat(on(CountryCode.of("FR"), LocalDate.of(2026, 7, 14)).name()).isEqualTo("National Day");
        assertThat(daysOff(CountryCode.of("FR"), 2026)).hasSize(11);
    }

    @Test
    void uncoveredCountryHasNoHolidaysAndAWeekendOfSaturdayAndSunday() {
        CountryCode korea = CountryCode.of("KR");

        assertThat(CALENDAR.covers(korea)).isFalse();
        assertThat(CALENDAR.covers(DE)).isTrue();
        assertThat(CALENDAR.holidays(korea, 2026)).isEmpty();
        assertThat(CALENDAR.weekend(korea)).hasSize(2);
        assertThat(StatutoryHolidays.builtIn().countries())
                .extracting(CountryCode::value)
                .contains("DE", "AT", "CH", "FR", "GB", "US", "NL", "PL", "RU", "FI", "CN", "JP")
                .hasSizeGreaterThan(190);
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRefused() {
        assertThatThrownBy(() -> CALENDAR.holidays(DE, 1899))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("year"));
    }
}
