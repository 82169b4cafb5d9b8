package org.crmkit.core.common;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A public holiday of a country on a date.
 *
 * @param date       the day off
 * @param key        a stable, language-neutral name shared across countries for the same occasion
 *                   ({@code christmas-day}, {@code new-years-day}, {@code easter-monday}); lower case, digits and
 *                   dashes; what greeting rules and templates refer to
 * @param name       the English name, e.g. {@code "Whit Monday"}
 * @param country    the country whose holiday it is
 * @param substitute true when this is a further day off given for the holiday rather than the holiday itself: the
 *                   day off instead of a holiday that falls on a weekend, or another day of a holiday block
 *                   such as China's Spring Festival week (the holiday itself is listed too, with
 *                   {@code substitute} false)
 */
public record Holiday(LocalDate date, String key, String name, CountryCode country, boolean substitute) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Holiday {
        Require.notNull(date, "date");
        Require.notBlank(key, "key");
        Require.that(KEY.matcher(key).matches(), "key", "must be lower-case words joined by dashes, was '" + key + "'");
        name = Require.maxLength(Require.notBlank(name, "name"), 200, "name");
        Require.notNull(country, "country");
    }
}
