package org.crmkit.core.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import java.time.LocalDate;
import java.util.Map;

/**
 * Dates of China's traditional calendar, computed: lunar dates by ICU4J's {@link ChineseCalendar} and the
 * Qingming solar term by the usual day-count formula.
 *
 * <p>ICU4J finds each month's start from the astronomical new moon at the meridian of 120° east (Beijing time).
 * When a new moon falls within minutes of midnight, the official calendar (computed by the Purple Mountain
 * Observatory under GB/T 33661-2017) can start the month a day earlier or later than the computation, and every
 * holiday of that month moves with it. That is why {@link ChinaHolidays} prefers the State Council's published
 * dates and computes only the years nobody has published yet.
 */
final class ChineseLunarDates {

    /** Years from the epoch of the Chinese calendar's sexagenary cycles (2637 BCE) to Gregorian year 0. */
    private static final int EPOCH_OFFSET = 2636;

    /** ICU's Julian day number of 1970-01-01. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;

    private ChineseLunarDates() {}

    /** The Gregorian date of {@code day} of the (not leap) lunar {@code month} of the lunar year that begins in {@code year}. */
    static LocalDate lunar(int year, int month, int day) {
        ChineseCalendar calendar = new ChineseCalendar();
        calendar.clear();
        // Era (60-year cycle) and year of the cycle: stable across ICU versions, unlike the extended year.
        int sinceEpoch = year + EPOCH_OFFSET;
        calendar.set(Calendar.ERA, sinceEpoch / 60 + 1);
        calendar.set(Calendar.YEAR, sinceEpoch % 60 + 1);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
    }

    /**
     * The first days of lunar years where the computation misses the official calendar: the new moon lies
     * minutes from midnight in Beijing (6 February 2027 at 23:56, which ICU4J puts after midnight; 3 February 2030
     * at 00:07, which it puts before), so ICU4J's month starts a day late or early. The official dates are those of
     * the Purple Mountain Observatory's calendar (also printed by the Hong Kong Observatory).
     */
    private static final Map<Integer, LocalDate> OFFICIAL_NEW_YEAR =
            Map.of(2027, LocalDate.of(2027, 2, 6), 2030, LocalDate.of(2030, 2, 3));

    /**
     * The first day of the lunar year that begins in the Gregorian year (Spring Festival): computed, except in
     * the years where the computation is known to miss the official calendar.
     */
    static LocalDate newYear(int year) {
        return OFFICIAL_NEW_YEAR.getOrDefault(year, lunar(year, 1, 1));
    }

    /**
     * The day of the Qingming solar term (the sun at 15° ecliptic longitude) in April, for the years 2000 to 2099:
     * {@code floor(y * 0.2422 + 4.81) - floor(y / 4)} with {@code y} the year within the century, the formula the
     * Chinese almanacs use; it has no known exception for Qingming in that century.
     */
    static LocalDate qingming(int year) {
        int y = year - 2000;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return LocalDate.of(year, 4, day);
    }
}
