package org.crmkit.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.HolidayCalendar;

/**
 * The built-in {@link HolidayCalendar}: the public holidays of about 200 countries from the Jollyday library
 * (nationwide holidays; for the United Kingdom the bank holidays of England and Wales; a holiday that the country
 * observes on another day when it falls on a weekend appears on both days, the observed one as a substitute), and
 * China's holidays, which Jollyday lacks, from crmkit itself: the State Council's published days off and adjusted
 * working weekends for 2024 to 2026, and the statutory days computed from the lunar calendar for the other years
 * from 1999 to 2099 (see {@code docs/markets.md} for the caveat of computed lunar dates). Saturday and Sunday are the
 * weekend everywhere.
 *
 * <p>Regional holidays (German states, Swiss cantons, Scotland) are not included. A host that needs them, or
 * company holidays, implements {@link HolidayCalendar} itself or wraps this one. Years from 1900 to 2200 (China:
 * 1999 to 2099). Immutable and thread-safe; each country's year is computed once.
 */
public final class StatutoryHolidays implements HolidayCalendar {

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;
    private static final StatutoryHolidays BUILT_IN = new StatutoryHolidays();
    private static final Comparator<Holiday> BY_DATE = Comparator.comparing(Holiday::date)
            .thenComparing(Holiday::substitute)
            .thenComparing(Holiday::key);

    private record YearOf(CountryCode country, int year) {}

    private final Set<CountryCode> countries;
    private final Map<YearOf, List<Holiday>> computed = new ConcurrentHashMap<>();
    private final Map<YearOf, List<Holiday>> fromLibrary = new ConcurrentHashMap<>();
    private final Map<YearOf, Set<LocalDate>> daysOff = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
        Set<CountryCode> known = new HashSet<>(LibraryHolidays.countries());
        known.add(ChinaHolidays.CHINA);
        this.countries = Set.copyOf(known);
    }

    /** The shared instance. */
    public static StatutoryHolidays builtIn() {
        return BUILT_IN;
    }

    @Override
    public Set<CountryCode> countries() {
        return countries;
    }

    @Override
    public boolean covers(CountryCode country) {
        return countries.contains(Require.notNull(country, "country"));
    }

    /** {@inheritDoc} Refuses years before 1900 and after 2200, and for China before 1999 and after 2099. */
    @Override
    public List<Holiday> holidays(CountryCode country, int year) {
        Require.notNull(country, "country");
        Require.that(
                year >= FIRST_YEAR && year <= LAST_YEAR,
                "year",
                "must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", was " + year);
        if (!countries.contains(country)) {
            return List.of();
        }
        return computed.computeIfAbsent(new YearOf(country, year), key -> compute(key.country(), key.year()));
    }

    /** {@inheritDoc} Answered from a set of the year's days off, as business-day arithmetic asks it for every day. */
    @Override
    public boolean isHoliday(CountryCode country, LocalDate date) {
        Require.notNull(date, "date");
        return daysOff.computeIfAbsent(
                        new YearOf(Require.notNull(country, "country"), date.getYear()),
                        key -> holidays(key.country(), key.year()).stream()
                                .map(Holiday::date)
                                .collect(Collectors.toUnmodifiableSet()))
                .contains(date);
    }

    /** {@inheritDoc} China's adjusted working weekends of the years whose notice is published (2024 to 2026). */
    @Override
    public boolean isAdjustedWorkingDay(CountryCode country, LocalDate date) {
        Require.notNull(date, "date");
        return ChinaHolidays.CHINA.equals(Require.notNull(country, "country"))
                && ChinaHolidays.isAdjustedWorkingDay(date);
    }

    private List<Holiday> compute(CountryCode country, int year) {
        if (country.equals(ChinaHolidays.CHINA)) {
            List<Holiday> holidays = new ArrayList<>(ChinaHolidays.in(year));
            holidays.sort(BY_DATE);
            return List.copyOf(holidays);
        }
        // An observed day may cross the turn of the year (1 January on a Saturday is observed on 31 December).
        List<Holiday> holidays = new ArrayList<>();
        for (int y = Math.max(FIRST_YEAR, year - 1); y <= Math.min(LAST_YEAR, year + 1); y++) {
            fromLibrary
                    .computeIfAbsent(new YearOf(country, y), key -> LibraryHolidays.in(key.country(), key.year()))
                    .stream()
                    .filter(holiday -> holiday.date().getYear() == year)
                    .forEach(holidays::add);
        }
        holidays.sort(BY_DATE);
        return List.copyOf(holidays);
    }
}
