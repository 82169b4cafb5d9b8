package org.crmkit.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.spi.HolidayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The holidays of the source material's markets: Poland, Russia and Finland from Jollyday, China from crmkit. */
class MarketHolidaysTest {

    private static final HolidayCalendar CALENDAR = StatutoryHolidays.builtIn();
    private static final CountryCode PL = CountryCode.of("PL");
    private static final CountryCode RU = CountryCode.of("RU");
    private static final CountryCode FI = CountryCode.of("FI");
    private static final CountryCode CN = CountryCode.of("CN");

    private static Holiday on(CountryCode country, LocalDate date) {
        return CALENDAR.holidays(country, date.getYear()).stream()
                .filter(holiday -> holiday.date().equals(date))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no holiday in " + country + " on " + date));
    }

    @ParameterizedTest
    @CsvSource({
        "PL, 2026-06-04, corpus-christi",
        "PL, 2026-05-03, constitution-day",
        "PL, 2026-11-11, independence-day",
        "RU, 2026-06-12, independence-day",
        "RU, 2026-01-07, christmas-day",
        "FI, 2026-12-06, independence-day",
        "FI, 2026-06-19, midsummer-eve",
        "CN, 2026-02-17, spring-festival",
        "CN, 2026-09-25, mid-autumn-festival",
        "CN, 2026-06-19, dragon-boat-festival",
        "CN, 2026-04-05, qingming-festival",
        "CN, 2026-10-01, national-day"
    })
    void knownHolidaysOf2026FallOnTheirDays(String country, LocalDate date, String key) {
        Holiday holiday = on(CountryCode.of(country), date);

        assertThat(holiday.key()).isEqualTo(key);
        assertThat(holiday.substitute()).isFalse();
    }

    @Test
    void russianHolidayOnASaturdayIsObservedOnTheNextMonday() {
        assertThat(on(RU, LocalDate.of(2026, 5, 11))).satisfies(observed -> {
            assertThat(observed.key()).isEqualTo("victory");
            assertThat(observed.substitute()).isTrue();
        });
    }

    @Test
    void chinasSpringFestivalWeekOf2026IsAsPublishedWithItsWorkingSaturdays() {
        BusinessCalendar china = BusinessCalendar.of(CALENDAR, CN);

        for (LocalDate day = LocalDate.of(2026, 2, 15);
                !day.isAfter(LocalDate.of(2026, 2, 23));
                day = day.plusDays(1)) {
            assertThat(china.isBusinessDay(day)).as(day.toString()).isFalse();
        }
        assertThat(on(CN, LocalDate.of(2026, 2, 16)).substitute()).isTrue();
        assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek()).hasToString("SATURDAY");
        assertThat(CALENDAR.isAdjustedWorkingDay(CN, LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(china.isBusinessDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(china.isBusinessDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(china.isBusinessDay(LocalDate.of(2026, 2, 21))).isFalse();
        assertThat(china.plusBusinessDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void adjustedWorkingDaysAreChinasAlone() {
        assertThat(CALENDAR.isAdjustedWorkingDay(PL, LocalDate.of(2026, 2, 14))).isFalse();
        assertThat(BusinessCalendar.of(CALENDAR, PL).isBusinessDay(LocalDate.of(2026, 2, 14)))
                .isFalse();
        assertThat(CALENDAR.isAdjustedWorkingDay(CN, LocalDate.of(2026, 2, 21))).isFalse();
    }

    @Test
    void nationalDayAndMidAutumnShareTheGoldenWeekOf2025() {
        assertThat(on(CN, LocalDate.of(2025, 10, 6)).key()).isEqualTo("mid-autumn-festival");
        assertThat(on(CN, LocalDate.of(2025, 10, 8))).satisfies(dayOff -> {
            assertThat(dayOff.key()).isEqualTo("national-day");
            assertThat(dayOff.substitute()).isTrue();
        });
        assertThat(CALENDAR.isAdjustedWorkingDay(CN, LocalDate.of(2025, 9, 28))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2024", "2025", "2026"})
    void computedLunarFestivalsAgreeWithThePublishedYears(int year) {
        assertThat(on(CN, ChineseLunarDates.newYear(year)).key()).isEqualTo("spring-festival");
        assertThat(on(CN, ChineseLunarDates.lunar(year, 5, 5)).key()).isEqualTo("dragon-boat-festival");
        assertThat(on(CN, ChineseLunarDates.lunar(year, 8, 15)).key()).isEqualTo("mid-autumn-festival");
        assertThat(on(CN, ChineseLunarDates.qingming(year)).key()).isEqualTo("qingming-festival");
    }

    @ParameterizedTest
    @CsvSource({
        "2020, 2020-01-25",
        "2021, 2021-02-12",
        "2022, 2022-02-01",
        "2023, 2023-01-22",
        "2027, 2027-02-06",
        "2030, 2030-02-03"
    })
    void springFestivalIsComputedFromTheLunarCalendarOutsideThePublishedYears(int year, LocalDate expected) {
        assertThat(ChineseLunarDates.newYear(year)).isEqualTo(expected);
        assertThat(on(CN, expected).key()).isEqualTo("spring-festival");
    }

    @Test
    void newMoonsMinutesFromMidnightInBeijingAreTakenFromTheOfficialCalendar() {
        // ICU4J puts the new moon of 6 February 2027, 23:56 Beijing time, after midnight ...
        assertThat(ChineseLunarDates.lunar(2027, 1, 1)).isEqualTo(LocalDate.of(2027, 2, 7));
        // ... and the one of 3 February 2030, 00:07, before it.
        assertThat(ChineseLunarDates.lunar(2030, 1, 1)).isEqualTo(LocalDate.of(2030, 2, 2));
        assertThat(on(CN, LocalDate.of(2027, 2, 6)).key()).isEqualTo("spring-festival");
        assertThat(on(CN, LocalDate.of(2030, 2, 3)).key()).isEqualTo("spring-festival");
    }

    @Test
    void computedYearHasTheStatutoryDaysOfTheRegulationInForce() {
        assertThat(on(CN, LocalDate.of(2027, 9, 15)).key()).isEqualTo("mid-autumn-festival");
        assertThat(on(CN, LocalDate.of(2027, 2, 5)).substitute()).isTrue();
        assertThat(CALENDAR.holidays(CN, 2027).stream()
                        .filter(holiday -> holiday.key().equals("spring-festival")))
                .extracting(Holiday::date)
                .containsExactly(
                        LocalDate.of(2027, 2, 5),
                        LocalDate.of(2027, 2, 6),
                        LocalDate.of(2027, 2, 7),
                        LocalDate.of(2027, 2, 8));
        assertThat(CALENDAR.holidays(CN, 2020).stream()
                        .filter(holiday -> holiday.key().equals("labour-day")))
                .hasSize(1);
        assertThat(CALENDAR.holidays(CN, 2005))
                .noneMatch(holiday -> holiday.key().equals("mid-autumn-festival"));
        assertThat(CALENDAR.isAdjustedWorkingDay(CN, LocalDate.of(2027, 2, 20))).isFalse();
    }

    @Test
    void chinaOutsideTheKnownYearsIsRefused() {
        assertThatThrownBy(() -> CALENDAR.holidays(CN, 2100))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("year"));
        assertThatThrownBy(() -> CALENDAR.holidays(CN, 1998)).isInstanceOf(InvalidValueException.class);
    }
}
