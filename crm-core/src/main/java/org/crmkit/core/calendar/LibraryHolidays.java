package org.crmkit.core.calendar;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;

/**
 * The public holidays of the countries the Jollyday library knows, as crmkit {@link Holiday}s: only Jollyday's
 * {@code PUBLIC_HOLIDAY}s (bank holidays and observances are not days off everywhere), the nationwide ones except
 * for the United Kingdom, which answers with England and Wales' bank holidays. A holiday that Jollyday moves to an
 * observed day (a substitute day) appears twice: on its own date and, marked as substitute, on the observed date.
 */
final class LibraryHolidays {

    /** The region asked for when a country's nationwide list is not what businesses there observe. */
    private static final Map<String, String[]> REGION = Map.of("GB", new String[] {"eng"});

    /**
     * crmkit's keys for Jollyday's names where crmkit had its own before the library (greeting rules refer to
     * them); every other key is Jollyday's name in lower case with dashes.
     */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("NEW_YEAR", "new-years-day"),
            Map.entry("CHRISTMAS", "christmas-day"),
            Map.entry("FIRST_CHRISTMAS_DAY", "christmas-day"),
            Map.entry("STEPHENS", "st-stephens-day"),
            Map.entry("SECOND_CHRISTMAS_DAY", "st-stephens-day"),
            Map.entry("BOXING_DAY", "st-stephens-day"),
            Map.entry("ALL_SAINTS", "all-saints-day"),
            Map.entry("ASSUMPTION_MARY", "assumption-day"),
            Map.entry("EASTER", "easter-sunday"),
            Map.entry("PENTECOST", "whit-sunday"),
            Map.entry("PENTECOST_MONDAY", "whit-monday"),
            Map.entry("UNIFICATION_GERMANY", "german-unity-day"),
            Map.entry("MARTIN_LUTHER_KING", "martin-luther-king-day"),
            Map.entry("THANKSGIVING", "thanksgiving-day"),
            Map.entry("PRESIDENTS_DAY", "washingtons-birthday"));

    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

    private LibraryHolidays() {}

    /** The ISO countries Jollyday has a calendar for (its market calendars such as NYSE are left out). */
    static Set<CountryCode> countries() {
        Set<String> iso = Set.of(Locale.getISOCountries());
        return HolidayManager.getSupportedCalendarCodes().stream()
                .map(code -> code.toUpperCase(Locale.ROOT))
                .filter(iso::contains)
                .map(CountryCode::of)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The country's holidays and observed days that Jollyday computes for the calendar year, unsorted. */
    static List<Holiday> in(CountryCode country, int year) {
        HolidayManager manager = HolidayManager.getInstance(
                ManagerParameters.create(country.value().toLowerCase(Locale.ROOT)));
        String[] region = REGION.getOrDefault(country.value(), new String[0]);
        List<Holiday> holidays = new ArrayList<>();
        for (de.focus_shift.jollyday.core.Holiday holiday :
                manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, region)) {
            String key = keyOf(holiday.getPropertiesKey());
            String name = holiday.getDescription(Locale.ENGLISH);
            LocalDate date = holiday.getActualDate();
            LocalDate observed = holiday.getObservedDate().orElse(date);
            holidays.add(new Holiday(date, key, name, country, false));
            if (!observed.equals(date)) {
                holidays.add(new Holiday(observed, key, name + " (substitute day)", country, true));
            }
        }
        return holidays;
    }

    static String keyOf(String propertiesKey) {
        // Jollyday prefixes the movable feasts with their calendar ("christian.EASTER_MONDAY").
        String name = propertiesKey.substring(propertiesKey.lastIndexOf('.') + 1);
        return KEYS.getOrDefault(
                name,
                NOT_KEY.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", ""));
    }
}
