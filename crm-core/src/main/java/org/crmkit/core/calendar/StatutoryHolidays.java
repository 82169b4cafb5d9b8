package org.crmkit.core.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.Month.APRIL;
import static java.time.Month.AUGUST;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.JUNE;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;
import static org.crmkit.core.calendar.HolidayRule.easter;
import static org.crmkit.core.calendar.HolidayRule.fixed;
import static org.crmkit.core.calendar.HolidayRule.nth;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.calendar.CountryHolidays.Substitution;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.HolidayCalendar;

/**
 * The built-in {@link HolidayCalendar}: the nationwide public holidays of Austria, Belgium, France, Germany,
 * Italy, the Netherlands, Switzerland, the United Kingdom (England and Wales bank holidays, with substitute days
 * and the one-off changes of 1995, 2002, 2012, 2020, 2022 and 2023) and the United States (federal holidays, observed on the
 * nearest weekday), with a Saturday-Sunday weekend everywhere. Movable feasts follow Western Easter.
 *
 * <p>Regional holidays (German states, Swiss cantons, Scotland) are not included: Switzerland lists the holidays
 * most cantons share (Good Friday, Easter Monday, Ascension, Whit Monday, 1 August, Christmas, St Stephen's Day)
 * besides New Year. A host that needs them implements {@link HolidayCalendar} itself or wraps this one.
 * Years from 1900 to 2200. Immutable and thread-safe; each country's year is computed once.
 */
public final class StatutoryHolidays implements HolidayCalendar {

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;
    private static final StatutoryHolidays BUILT_IN = new StatutoryHolidays();

    private record YearOf(CountryCode country, int year) {}

    private final Map<CountryCode, CountryHolidays> countries = Stream.of(
                    germany(),
                    austria(),
                    switzerland(),
                    france(),
                    unitedKingdom(),
                    unitedStates(),
                    netherlands(),
                    belgium(),
                    italy())
            .collect(Collectors.toUnmodifiableMap(CountryHolidays::country, Function.identity()));
    private final Map<YearOf, List<Holiday>> computed = new ConcurrentHashMap<>();
    private final Map<YearOf, Set<LocalDate>> daysOff = new ConcurrentHashMap<>();

    private StatutoryHolidays() {}

    /** The shared instance. */
    public static StatutoryHolidays builtIn() {
        return BUILT_IN;
    }

    @Override
    public Set<CountryCode> countries() {
        return countries.keySet();
    }

    @Override
    public boolean covers(CountryCode country) {
        return countries.containsKey(Require.notNull(country, "country"));
    }

    /** {@inheritDoc} Refuses years before 1900 and after 2200. */
    @Override
    public List<Holiday> holidays(CountryCode country, int year) {
        Require.notNull(country, "country");
        Require.that(
                year >= FIRST_YEAR && year <= LAST_YEAR,
                "year",
                "must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", was " + year);
        CountryHolidays rules = countries.get(country);
        if (rules == null) {
            return List.of();
        }
        return computed.computeIfAbsent(new YearOf(country, year), key -> rules.in(key.year()));
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

    private static HolidayRule newYear() {
        return fixed("new-years-day", "New Year's Day", JANUARY, 1);
    }

    private static HolidayRule goodFriday() {
        return easter("good-friday", "Good Friday", -2);
    }

    private static HolidayRule easterMonday() {
        return easter("easter-monday", "Easter Monday", 1);
    }

    private static HolidayRule labourDay() {
        return fixed("labour-day", "Labour Day", MAY, 1);
    }

    private static HolidayRule ascension() {
        return easter("ascension-day", "Ascension Day", 39);
    }

    private static HolidayRule whitMonday() {
        return easter("whit-monday", "Whit Monday", 50);
    }

    private static HolidayRule assumption() {
        return fixed("assumption-day", "Assumption Day", AUGUST, 15);
    }

    private static HolidayRule allSaints() {
        return fixed("all-saints-day", "All Saints' Day", NOVEMBER, 1);
    }

    private static HolidayRule christmas() {
        return fixed("christmas-day", "Christmas Day", DECEMBER, 25);
    }

    private static HolidayRule stStephen() {
        return fixed("st-stephens-day", "St Stephen's Day", DECEMBER, 26);
    }

    private static CountryHolidays country(String code, Substitution substitution, HolidayRule... rules) {
        return new CountryHolidays(CountryCode.of(code), List.of(rules), substitution);
    }

    private static CountryHolidays germany() {
        return country(
                "DE",
                Substitution.NONE,
                newYear(),
                goodFriday(),
                easterMonday(),
                labourDay(),
                ascension(),
                whitMonday(),
                fixed("german-unity-day", "Day of German Unity", OCTOBER, 3).from(1990),
                christmas(),
                stStephen());
    }

    private static CountryHolidays austria() {
        return country(
                "AT",
                Substitution.NONE,
                newYear(),
                fixed("epiphany", "Epiphany", JANUARY, 6),
                easterMonday(),
                labourDay(),
                ascension(),
                whitMonday(),
                easter("corpus-christi", "Corpus Christi", 60),
                assumption(),
                fixed("national-day", "National Day", OCTOBER, 26),
                allSaints(),
                fixed("immaculate-conception", "Immaculate Conception", DECEMBER, 8),
                christmas(),
                stStephen());
    }

    private static CountryHolidays switzerland() {
        return country(
                "CH",
                Substitution.NONE,
                newYear(),
                goodFriday(),
                easterMonday(),
                ascension(),
                whitMonday(),
                fixed("national-day", "Swiss National Day", AUGUST, 1),
                christmas(),
                stStephen());
    }

    private static CountryHolidays france() {
        return country(
                "FR",
                Substitution.NONE,
                newYear(),
                easterMonday(),
                labourDay(),
                fixed("victory-day", "Victory in Europe Day", MAY, 8),
                ascension(),
                whitMonday(),
                fixed("national-day", "Bastille Day", JULY, 14),
                assumption(),
                allSaints(),
                fixed("armistice-day", "Armistice Day", NOVEMBER, 11),
                christmas());
    }

    private static CountryHolidays unitedKingdom() {
        return country(
                "GB",
                Substitution.NEXT_FREE_WEEKDAY,
                newYear().substitutedOnWeekends(),
                goodFriday(),
                easterMonday(),
                nth("early-may-bank-holiday", "Early May Bank Holiday", 1, MONDAY, MAY)
                        .from(1978)
                        .movedTo(LocalDate.of(1995, 5, 8))
                        .movedTo(LocalDate.of(2020, 5, 8)),
                nth("spring-bank-holiday", "Spring Bank Holiday", -1, MONDAY, MAY)
                        .from(1971)
                        .movedTo(LocalDate.of(2002, 6, 4))
                        .movedTo(LocalDate.of(2012, 6, 4))
                        .movedTo(LocalDate.of(2022, 6, 2)),
                nth("summer-bank-holiday", "Summer Bank Holiday", -1, MONDAY, AUGUST)
                        .from(1971),
                HolidayRule.once("golden-jubilee", "Golden Jubilee Bank Holiday", LocalDate.of(2002, 6, 3)),
                HolidayRule.once("diamond-jubilee", "Diamond Jubilee Bank Holiday", LocalDate.of(2012, 6, 5)),
                HolidayRule.once("platinum-jubilee", "Platinum Jubilee Bank Holiday", LocalDate.of(2022, 6, 3)),
                HolidayRule.once("state-funeral", "State Funeral of Queen Elizabeth II", LocalDate.of(2022, 9, 19)),
                HolidayRule.once("coronation", "Coronation of King Charles III", LocalDate.of(2023, 5, 8)),
                christmas().substitutedOnWeekends(),
                fixed("st-stephens-day", "Boxing Day", DECEMBER, 26).substitutedOnWeekends());
    }

    private static CountryHolidays unitedStates() {
        return country(
                "US",
                Substitution.NEAREST_WEEKDAY,
                newYear().substitutedOnWeekends(),
                nth("martin-luther-king-day", "Martin Luther King Jr. Day", 3, MONDAY, JANUARY)
                        .from(1986),
                nth("washingtons-birthday", "Washington's Birthday", 3, MONDAY, FEBRUARY),
                nth("memorial-day", "Memorial Day", -1, MONDAY, MAY),
                fixed("juneteenth", "Juneteenth National Independence Day", JUNE, 19)
                        .from(2021)
                        .substitutedOnWeekends(),
                fixed("independence-day", "Independence Day", JULY, 4).substitutedOnWeekends(),
                nth("labor-day", "Labor Day", 1, MONDAY, SEPTEMBER),
                nth("columbus-day", "Columbus Day", 2, MONDAY, OCTOBER),
                fixed("veterans-day", "Veterans Day", NOVEMBER, 11).substitutedOnWeekends(),
                nth("thanksgiving-day", "Thanksgiving Day", 4, THURSDAY, NOVEMBER),
                christmas().substitutedOnWeekends());
    }

    private static CountryHolidays netherlands() {
        return country(
                "NL",
                Substitution.NONE,
                newYear(),
                easter("easter-sunday", "Easter Sunday", 0),
                easterMonday(),
                HolidayRule.fixedSaturdayIfSunday("kings-day", "King's Day", APRIL, 27)
                        .from(2014),
                HolidayRule.fixedSaturdayIfSunday("kings-day", "Queen's Day", APRIL, 30)
                        .until(2013),
                fixed("liberation-day", "Liberation Day", MAY, 5),
                ascension(),
                easter("whit-sunday", "Whit Sunday", 49),
                whitMonday(),
                christmas(),
                stStephen());
    }

    private static CountryHolidays belgium() {
        return country(
                "BE",
                Substitution.NONE,
                newYear(),
                easterMonday(),
                labourDay(),
                ascension(),
                whitMonday(),
                fixed("national-day", "Belgian National Day", JULY, 21),
                assumption(),
                allSaints(),
                fixed("armistice-day", "Armistice Day", NOVEMBER, 11),
                christmas());
    }

    private static CountryHolidays italy() {
        return country(
                "IT",
                Substitution.NONE,
                newYear(),
                fixed("epiphany", "Epiphany", JANUARY, 6),
                easter("easter-sunday", "Easter Sunday", 0),
                easterMonday(),
                fixed("liberation-day", "Liberation Day", APRIL, 25),
                labourDay(),
                fixed("national-day", "Republic Day", JUNE, 2),
                assumption(),
                allSaints(),
                fixed("immaculate-conception", "Immaculate Conception", DECEMBER, 8),
                christmas(),
                stStephen());
    }
}
