package org.crmkit.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.common.CountryCode;

class BusinessCalendarPropertiesTest {

    private static final String[] COUNTRIES = {"AT", "BE", "CH", "DE", "FR", "GB", "IT", "NL", "US", "PL", "RU", "FI"};

    private static BusinessCalendar calendar(int country) {
        return BusinessCalendar.of(StatutoryHolidays.builtIn(), CountryCode.of(COUNTRIES[country]));
    }

    @Property(tries = 200)
    void countingTheBusinessDaysAddedGivesBackTheirNumber(
            @ForAll @IntRange(min = 0, max = 11) int country,
            @ForAll @IntRange(min = 0, max = 36_000) int day,
            @ForAll @IntRange(min = -300, max = 300) int days) {
        BusinessCalendar calendar = calendar(country);
        LocalDate start = LocalDate.of(2000, 1, 1).plusDays(day);

        LocalDate end = calendar.plusBusinessDays(start, days);

        assertThat(calendar.businessDaysBetween(start, end)).isEqualTo(days);
        if (days != 0) {
            assertThat(calendar.isBusinessDay(end)).isTrue();
        }
    }

    @Property(tries = 200)
    void goingForwardAndBackTheSameBusinessDaysReturnsToABusinessDay(
            @ForAll @IntRange(min = 0, max = 11) int country,
            @ForAll @IntRange(min = 0, max = 36_000) int day,
            @ForAll @IntRange(min = 1, max = 300) int days) {
        BusinessCalendar calendar = calendar(country);
        LocalDate start = calendar.onOrAfter(LocalDate.of(2000, 1, 1).plusDays(day));

        assertThat(calendar.plusBusinessDays(calendar.plusBusinessDays(start, days), -days))
                .isEqualTo(start);
    }

    @Property(tries = 100)
    void everyHolidayFallsInTheYearAskedForAndHasAKnownCountry(
            @ForAll @IntRange(min = 0, max = 11) int country, @ForAll @IntRange(min = 1901, max = 2199) int year) {
        CountryCode code = CountryCode.of(COUNTRIES[country]);

        assertThat(StatutoryHolidays.builtIn().holidays(code, year))
                .isNotEmpty()
                .allSatisfy(holiday -> {
                    assertThat(holiday.date().getYear()).isEqualTo(year);
                    assertThat(holiday.country()).isEqualTo(code);
                });
    }
}
