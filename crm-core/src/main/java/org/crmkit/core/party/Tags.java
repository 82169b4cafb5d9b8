package org.crmkit.core.party;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * A set of tags. Tags are normalised (trimmed, inner whitespace collapsed to one space, lower case), so
 * {@code "VIP"} and {@code " vip "} are the same tag; they start with a letter or digit and may contain letters,
 * digits, spaces, '-', '_', '.', ':' and '/' up to 50 characters. Immutable; iteration is in alphabetical order.
 */
public record Tags(Set<String> values) {

    private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]{0,49}");

    public static final Tags NONE = new Tags(Set.of());

    public Tags {
        TreeSet<String> normalised = new TreeSet<>();
        for (String tag : Require.noNulls(values, "tags")) {
            normalised.add(normalize(tag));
        }
        values = Collections.unmodifiableSortedSet(normalised);
    }

    public static Tags of(String... tags) {
        return new Tags(Set.of(tags));
    }

    /** The normal form of a tag; refuses a blank or malformed tag naming the field {@code tag}. */
    public static String normalize(String tag) {
        String text = Require.notBlank(tag, "tag").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(text).matches()) {
            throw InvalidValueException.invalid(
                    "tag",
                    "'" + tag + "' must start with a letter or digit and have at most 50 "
                            + "letters, digits, spaces or - _ . : /");
        }
        return text;
    }

    public Tags with(String tag) {
        TreeSet<String> result = new TreeSet<>(values);
        result.add(normalize(tag));
        return new Tags(result);
    }

    public Tags without(String tag) {
        TreeSet<String> result = new TreeSet<>(values);
        result.remove(normalize(tag));
        return new Tags(result);
    }

    /** Whether the tag is in the set, compared in normal form. */
    public boolean has(String tag) {
        return values.contains(normalize(tag));
    }

    public boolean hasAll(Collection<String> tags) {
        return Require.noNulls(tags, "tags").stream().allMatch(this::has);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
