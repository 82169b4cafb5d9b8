package org.crmkit.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Holiday;
import org.crmkit.core.common.Require;

/**
 * China's public holidays, which Jollyday does not have. Each year the State Council publishes the days off
 * around each festival and the weekend days worked instead ("adjusted working days"); those notices are facts and
 * are used as published for 2024 (国办发明电〔2023〕7号), 2025 (国办发明电〔2024〕12号) and 2026
 * (国办发明电〔2025〕7号). For other years from 1999 to 2099 the statutory days of the national holiday regulation
 * then in force are computed (lunar festivals by {@link ChineseLunarDates}), without the adjusted working days,
 * which nobody can know before they are published.
 *
 * <p>A festival's own day is a holiday with {@code substitute} false; the other days off of its published block
 * (and the statutory days besides the festival day, such as New Year's Eve and the days after the Spring
 * Festival) are listed under the festival's key with {@code substitute} true.
 */
final class ChinaHolidays {

    static final CountryCode CHINA = CountryCode.of("CN");
    static final int FIRST_YEAR = 1999;
    static final int LAST_YEAR = 2099;

    private record Festival(String key, String name, LocalDate day, LocalDate firstDayOff, LocalDate lastDayOff) {}

    private record PublishedYear(List<Festival> festivals, Set<LocalDate> adjustedWorkingDays) {}

    private static final String NEW_YEAR = "new-years-day";
    private static final String SPRING = "spring-festival";
    private static final String QINGMING = "qingming-festival";
    private static final String LABOUR = "labour-day";
    private static final String DRAGON_BOAT = "dragon-boat-festival";
    private static final String MID_AUTUMN = "mid-autumn-festival";
    private static final String NATIONAL = "national-day";

    private static final Map<String, String> NAMES = Map.of(
            NEW_YEAR, "New Year's Day",
            SPRING, "Spring Festival",
            QINGMING, "Qingming Festival",
            LABOUR, "Labour Day",
            DRAGON_BOAT, "Dragon Boat Festival",
            MID_AUTUMN, "Mid-Autumn Festival",
            NATIONAL, "National Day");

    private static final Map<Integer, PublishedYear> PUBLISHED = Map.of(
            2024,
            new PublishedYear(
                    List.of(
                            block(NEW_YEAR, "2024-01-01", "2024-01-01", "2024-01-01"),
                            block(SPRING, "2024-02-10", "2024-02-10", "2024-02-17"),
                            block(QINGMING, "2024-04-04", "2024-04-04", "2024-04-06"),
                            block(LABOUR, "2024-05-01", "2024-05-01", "2024-05-05"),
                            block(DRAGON_BOAT, "2024-06-10", "2024-06-08", "2024-06-10"),
                            block(MID_AUTUMN, "2024-09-17", "2024-09-15", "2024-09-17"),
                            block(NATIONAL, "2024-10-01", "2024-10-01", "2024-10-07")),
                    dates(
                            "2024-02-04",
                            "2024-02-18",
                            "2024-04-07",
                            "2024-04-28",
                            "2024-05-11",
                            "2024-09-14",
                            "2024-09-29",
                            "2024-10-12")),
            2025,
            new PublishedYear(
                    List.of(
                            block(NEW_YEAR, "2025-01-01", "2025-01-01", "2025-01-01"),
                            block(SPRING, "2025-01-29", "2025-01-28", "2025-02-04"),
                            block(QINGMING, "2025-04-04", "2025-04-04", "2025-04-06"),
                            block(LABOUR, "2025-05-01", "2025-05-01", "2025-05-05"),
                            block(DRAGON_BOAT, "2025-05-31", "2025-05-31", "2025-06-02"),
                            block(NATIONAL, "2025-10-01", "2025-10-01", "2025-10-08"),
                            block(MID_AUTUMN, "2025-10-06", "2025-10-06", "2025-10-06")),
                    dates("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11")),
            2026,
            new PublishedYear(
                    List.of(
                            block(NEW_YEAR, "2026-01-01", "2026-01-01", "2026-01-03"),
                            block(SPRING, "2026-02-17", "2026-02-15", "2026-02-23"),
                            block(QINGMING, "2026-04-05", "2026-04-04", "2026-04-06"),
                            block(LABOUR, "2026-05-01", "2026-05-01", "2026-05-05"),
                            block(DRAGON_BOAT, "2026-06-19", "2026-06-19", "2026-06-21"),
                            block(MID_AUTUMN, "2026-09-25", "2026-09-25", "2026-09-27"),
                            block(NATIONAL, "2026-10-01", "2026-10-01", "2026-10-07")),
                    dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")));

    private ChinaHolidays() {}

    /** Whether the year's days off come from the State Council's published notice. */
    static boolean published(int year) {
        return PUBLISHED.containsKey(year);
    }

    /** The days off of the year, unsorted; refuses years outside 1999 to 2099. */
    static List<Holiday> in(int year) {
        Require.that(
                year >= FIRST_YEAR && year <= LAST_YEAR,
                "year",
                "China's holidays are known from " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year);
        PublishedYear published = PUBLISHED.get(year);
        List<Festival> festivals = published != null ? published.festivals() : statutory(year);
        Set<LocalDate> festivalDays = festivals.stream().map(Festival::day).collect(Collectors.toSet());
        List<Holiday> holidays = new ArrayList<>();
        for (Festival festival : festivals) {
            holidays.add(new Holiday(festival.day(), festival.key(), festival.name(), CHINA, false));
            for (LocalDate day = festival.firstDayOff(); !day.isAfter(festival.lastDayOff()); day = day.plusDays(1)) {
                if (!festivalDays.contains(day)) {
                    holidays.add(new Holiday(day, festival.key(), festival.name() + " (day off)", CHINA, true));
                }
            }
        }
        return holidays;
    }

    /** Whether the date is a weekend day worked instead of a day off, by the State Council's notice. */
    static boolean isAdjustedWorkingDay(LocalDate date) {
        PublishedYear published = PUBLISHED.get(date.getYear());
        return published != null && published.adjustedWorkingDays().contains(date);
    }

    /**
     * The statutory days of the regulation in force: 1999 (New Year, three days of Spring Festival, 1 to 3 May,
     * 1 to 3 October), 2008 (Labour Day one day; Qingming, Dragon Boat and Mid-Autumn added; Spring Festival from
     * its eve), 2014 (Spring Festival from its first day) and 2025 (Spring Festival from its eve, four days;
     * Labour Day 1 and 2 May).
     */
    private static List<Festival> statutory(int year) {
        LocalDate springFestival = ChineseLunarDates.newYear(year);
        LocalDate newYearsDay = LocalDate.of(year, 1, 1);
        LocalDate may1 = LocalDate.of(year, 5, 1);
        LocalDate october1 = LocalDate.of(year, 10, 1);
        List<Festival> festivals = new ArrayList<>();
        festivals.add(festival(NEW_YEAR, newYearsDay, newYearsDay, newYearsDay));
        festivals.add(festival(NATIONAL, october1, october1, october1.plusDays(2)));
        if (year < 2008) {
            festivals.add(festival(SPRING, springFestival, springFestival, springFestival.plusDays(2)));
            festivals.add(festival(LABOUR, may1, may1, may1.plusDays(2)));
            return festivals;
        }
        if (year < 2014) {
            festivals.add(festival(SPRING, springFestival, springFestival.minusDays(1), springFestival.plusDays(1)));
        } else if (year < 2025) {
            festivals.add(festival(SPRING, springFestival, springFestival, springFestival.plusDays(2)));
        } else {
            festivals.add(festival(SPRING, springFestival, springFestival.minusDays(1), springFestival.plusDays(2)));
        }
        festivals.add(festival(LABOUR, may1, may1, year < 2025 ? may1 : may1.plusDays(1)));
        LocalDate qingming = ChineseLunarDates.qingming(year);
        LocalDate dragonBoat = ChineseLunarDates.lunar(year, 5, 5);
        LocalDate midAutumn = ChineseLunarDates.lunar(year, 8, 15);
        festivals.add(festival(QINGMING, qingming, qingming, qingming));
        festivals.add(festival(DRAGON_BOAT, dragonBoat, dragonBoat, dragonBoat));
        festivals.add(festival(MID_AUTUMN, midAutumn, midAutumn, midAutumn));
        return festivals;
    }

    private static Festival festival(String key, LocalDate day, LocalDate firstDayOff, LocalDate lastDayOff) {
        return new Festival(key, NAMES.get(key), day, firstDayOff, lastDayOff);
    }

    private static Festival block(String key, String day, String firstDayOff, String lastDayOff) {
        return festival(key, LocalDate.parse(day), LocalDate.parse(firstDayOff), LocalDate.parse(lastDayOff));
    }

    private static Set<LocalDate> dates(String... dates) {
        return Set.of(dates).stream().map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    }
}
