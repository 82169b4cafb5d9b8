package org.crmkit.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;

/** The holiday rules of one country and how it substitutes holidays that fall on a weekend. */
record CountryHolidays(CountryCode country, List<HolidayRule> rules, Substitution substitution) {

    /** What a country gives instead of a holiday on a Saturday or Sunday. */
    enum Substitution {
        /** Nothing: the day off is lost. */
        NONE,
        /** Saturday's holiday is observed on Friday, Sunday's on Monday (United States federal rule). */
        NEAREST_WEEKDAY,
        /** The next weekday that is not already a holiday or substitute (United Kingdom bank holidays). */
        NEXT_FREE_WEEKDAY
    }

    private static final Comparator<Holiday> BY_DATE = Comparator.comparing(Holiday::date)
            .thenComparing(Holiday::substitute)
            .thenComparing(Holiday::key);

    CountryHolidays {
        rules = List.copyOf(rules);
    }

    /** The holidays and substitute days whose date lies in the year, by date. */
    List<Holiday> in(int year) {
        List<Holiday> result = new ArrayList<>();
        // A substitute may cross the turn of the year (1 January on a Saturday is observed on 31 December).
        for (int y = year - 1; y <= year + 1; y++) {
            List<Holiday> raw = raw(y);
            raw.addAll(substitutes(raw));
            raw.stream().filter(holiday -> holiday.date().getYear() == year).forEach(result::add);
        }
        result.sort(BY_DATE);
        return List.copyOf(result);
    }

    private List<Holiday> raw(int year) {
        List<Holiday> holidays = new ArrayList<>();
        for (HolidayRule rule : rules) {
            rule.dateIn(year)
                    .ifPresent(date -> holidays.add(new Holiday(date, rule.key(), rule.name(), country, false)));
        }
        holidays.sort(BY_DATE);
        return holidays;
    }

    private List<Holiday> substitutes(List<Holiday> holidays) {
        if (substitution == Substitution.NONE) {
            return List.of();
        }
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(holiday -> taken.add(holiday.date()));
        List<Holiday> substitutes = new ArrayList<>();
        for (Holiday holiday : holidays) {
            if (!isWeekend(holiday.date()) || !substitutedRule(holiday)) {
                continue;
            }
            LocalDate day = substitution == Substitution.NEAREST_WEEKDAY
                    ? nearestWeekday(holiday.date())
                    : nextFreeWeekday(holiday.date(), taken);
            taken.add(day);
            substitutes.add(new Holiday(day, holiday.key(), holiday.name() + " (substitute day)", country, true));
        }
        return substitutes;
    }

    private boolean substitutedRule(Holiday holiday) {
        return rules.stream().anyMatch(rule -> rule.key().equals(holiday.key()) && rule.substituted());
    }

    private static LocalDate nearestWeekday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? date.minusDays(1) : date.plusDays(1);
    }

    private static LocalDate nextFreeWeekday(LocalDate date, Set<LocalDate> taken) {
        LocalDate day = date.plusDays(1);
        while (isWeekend(day) || taken.contains(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
