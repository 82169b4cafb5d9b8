package org.crmkit.core.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * How often something repeats, on calendar dates: every n days, every n weeks on given weekdays, every n months on
 * a day of the month or on the n-th (or last) weekday, every n years on a day of the year. {@link #next} gives the
 * occurrence after a given one, so a series runs from its first date without storing more than the latest.
 *
 * <p>Days that a month or year lacks are clamped: the 31st is the last day of shorter months, 29 February the
 * 28th in common years.
 */
public sealed interface Recurrence {

    /** The next occurrence after {@code previous}, which is itself an occurrence (the first date of a series). */
    LocalDate next(LocalDate previous);

    static Recurrence daily() {
        return new Daily(1);
    }

    static Recurrence everyDays(int interval) {
        return new Daily(interval);
    }

    /** Every week on the given weekdays. */
    static Recurrence weekly(DayOfWeek first, DayOfWeek... more) {
        return new Weekly(1, EnumSet.of(Require.notNull(first, "days"), more));
    }

    /** Every {@code interval} weeks on the given weekdays (weeks start on Monday). */
    static Recurrence everyWeeks(int interval, Set<DayOfWeek> days) {
        return new Weekly(interval, days);
    }

    /** Every month on the day (1 to 31; clamped to the month's last day). */
    static Recurrence monthlyOnDay(int dayOfMonth) {
        return new MonthlyOnDay(1, dayOfMonth);
    }

    /** Every month on the {@code ordinal}-th weekday (1 to 4, or -1 for the last), e.g. the first Monday. */
    static Recurrence monthlyOnWeekday(int ordinal, DayOfWeek weekday) {
        return new MonthlyOnWeekday(1, ordinal, weekday);
    }

    /** Every year on the day (29 February falls on the 28th in common years). */
    static Recurrence yearly(MonthDay day) {
        return new Yearly(1, day);
    }

    /** Every {@code interval} days. */
    record Daily(int interval) implements Recurrence {

        public Daily {
            Require.positive(interval, "interval");
        }

        @Override
        public LocalDate next(LocalDate previous) {
            return previous.plusDays(interval);
        }
    }

    /** Every {@code interval} weeks on each of {@code days}. */
    record Weekly(int interval, Set<DayOfWeek> days) implements Recurrence {

        public Weekly {
            Require.positive(interval, "interval");
            Require.notNull(days, "days");
            Require.that(!days.isEmpty(), "days", "must name at least one weekday");
            days = Set.copyOf(Require.noNulls(days, "days"));
        }

        @Override
        public LocalDate next(LocalDate previous) {
            for (LocalDate day = previous.plusDays(1); day.getDayOfWeek() != DayOfWeek.MONDAY; day = day.plusDays(1)) {
                if (days.contains(day.getDayOfWeek())) {
                    return day;
                }
            }
            LocalDate monday = previous.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .plusWeeks(interval);
            LocalDate day = monday;
            while (!days.contains(day.getDayOfWeek())) {
                day = day.plusDays(1);
            }
            return day;
        }
    }

    /** Every {@code interval} months on {@code dayOfMonth}, or the month's last day when it is shorter. */
    record MonthlyOnDay(int interval, int dayOfMonth) implements Recurrence {

        public MonthlyOnDay {
            Require.positive(interval, "interval");
            Require.that(dayOfMonth >= 1 && dayOfMonth <= 31, "dayOfMonth", "must be 1 to 31, was " + dayOfMonth);
        }

        @Override
        public LocalDate next(LocalDate previous) {
            LocalDate month = previous.withDayOfMonth(1).plusMonths(interval);
            return month.withDayOfMonth(Math.min(dayOfMonth, month.lengthOfMonth()));
        }
    }

    /** Every {@code interval} months on the {@code ordinal}-th {@code weekday} (-1: the last one). */
    record MonthlyOnWeekday(int interval, int ordinal, DayOfWeek weekday) implements Recurrence {

        public MonthlyOnWeekday {
            Require.positive(interval, "interval");
            Require.that(
                    ordinal == -1 || (ordinal >= 1 && ordinal <= 4),
                    "ordinal",
                    "must be 1 to 4, or -1 for the last, was " + ordinal);
            Require.notNull(weekday, "weekday");
        }

        @Override
        public LocalDate next(LocalDate previous) {
            LocalDate month = previous.withDayOfMonth(1).plusMonths(interval);
            return month.with(
                    ordinal < 0
                            ? TemporalAdjusters.lastInMonth(weekday)
                            : TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
        }
    }

    /** Every {@code interval} years on {@code day}. */
    record Yearly(int interval, MonthDay day) implements Recurrence {

        public Yearly {
            Require.positive(interval, "interval");
            Require.notNull(day, "day");
        }

        @Override
        public LocalDate next(LocalDate previous) {
            int year = previous.getYear() + interval;
            return day.isValidYear(year) ? day.atYear(year) : LocalDate.of(year, day.getMonth(), 28);
        }
    }
}
