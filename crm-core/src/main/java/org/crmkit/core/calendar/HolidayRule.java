package org.crmkit.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How one holiday's date follows from the year: a fixed date, an offset from Easter, the n-th weekday of a month,
 * or something special. A rule may hold only from or until a year, may be moved in single years (by law or
 * proclamation), and may be one whose weekend occurrence earns a substitute day.
 */
final class HolidayRule {

    private final String key;
    private final String name;
    private final IntFunction<LocalDate> date;
    private final int fromYear;
    private final int untilYear;
    private final boolean substituted;
    private final Map<Integer, LocalDate> moved;

    private HolidayRule(
            String key,
            String name,
            IntFunction<LocalDate> date,
            int fromYear,
            int untilYear,
            boolean substituted,
            Map<Integer, LocalDate> moved) {
        this.key = key;
        this.name = name;
        this.date = date;
        this.fromYear = fromYear;
        this.untilYear = untilYear;
        this.substituted = substituted;
        this.moved = Map.copyOf(moved);
    }

    private static HolidayRule of(String key, String name, IntFunction<LocalDate> date) {
        return new HolidayRule(key, name, date, Integer.MIN_VALUE, Integer.MAX_VALUE, false, Map.of());
    }

    static HolidayRule fixed(String key, String name, Month month, int day) {
        return of(key, name, year -> LocalDate.of(year, month, day));
    }

    /** Easter Sunday plus {@code days} (negative: before Easter). */
    static HolidayRule easter(String key, String name, int days) {
        return of(key, name, year -> Easter.sunday(year).plusDays(days));
    }

    /** The {@code n}-th (1 to 4) or, for {@code n} = -1, the last {@code weekday} of the month. */
    static HolidayRule nth(String key, String name, int n, DayOfWeek weekday, Month month) {
        return of(
                key,
                name,
                year -> LocalDate.of(year, month, 1)
                        .with(
                                n < 0
                                        ? TemporalAdjusters.lastInMonth(weekday)
                                        : TemporalAdjusters.dayOfWeekInMonth(n, weekday)));
    }

    /** A fixed date that moves to the day before when it falls on a Sunday. */
    static HolidayRule fixedSaturdayIfSunday(String key, String name, Month month, int day) {
        return of(key, name, year -> {
            LocalDate date = LocalDate.of(year, month, day);
            return date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.minusDays(1) : date;
        });
    }

    /** A holiday of a single day, e.g. a jubilee or a state funeral. */
    static HolidayRule once(String key, String name, LocalDate date) {
        return new HolidayRule(key, name, year -> date, date.getYear(), date.getYear(), false, Map.of());
    }

    HolidayRule from(int year) {
        return new HolidayRule(key, name, date, year, untilYear, substituted, moved);
    }

    HolidayRule until(int year) {
        return new HolidayRule(key, name, date, fromYear, year, substituted, moved);
    }

    /** Falling on a weekend, the holiday earns a substitute day off (how it is chosen is the country's rule). */
    HolidayRule substitutedOnWeekends() {
        return new HolidayRule(key, name, date, fromYear, untilYear, true, moved);
    }

    /** In the year of {@code date} the holiday is on that date instead of the rule's date. */
    HolidayRule movedTo(LocalDate date) {
        Map<Integer, LocalDate> moves = new HashMap<>(moved);
        moves.put(date.getYear(), date);
        return new HolidayRule(key, name, this.date, fromYear, untilYear, substituted, moves);
    }

    Optional<LocalDate> dateIn(int year) {
        if (year < fromYear || year > untilYear) {
            return Optional.empty();
        }
        return Optional.of(moved.getOrDefault(year, date.apply(year)));
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    boolean substituted() {
        return substituted;
    }
}
