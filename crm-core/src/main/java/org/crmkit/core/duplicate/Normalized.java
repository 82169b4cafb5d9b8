package org.crmkit.core.duplicate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The normal forms duplicate matching compares: names without case, accents and punctuation, company names without
 * their legal form, tax ids and postal codes without spaces and punctuation. Pure functions, thread-safe.
 */
public final class Normalized {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");
    /** Letters that decomposition leaves alone, written as their plain Latin spelling. */
    private static final Map<String, String> LETTERS =
            Map.of("ß", "ss", "ł", "l", "ø", "o", "æ", "ae", "œ", "oe", "đ", "d", "þ", "th", "ı", "i");

    /**
     * Legal forms as their words in normal form, longest first so that "gmbh co kg" goes before "kg"; removed at the
     * end of a company name, and the Russian forms (which lead: ООО «Ромашка») at its start as well.
     */
    private static final List<List<String>> LEGAL_FORMS = words(
            "gmbh co kg",
            "gmbh co ohg",
            "sp z o o",
            "sp k",
            "s a r l",
            "s r l",
            "s r o",
            "s p a",
            "e v",
            "b v",
            "n v",
            "a s",
            "s a",
            "s l",
            "pty ltd",
            "gmbh",
            "ag",
            "kg",
            "ohg",
            "ug",
            "kgaa",
            "ev",
            "spzoo",
            "sa",
            "sarl",
            "sas",
            "srl",
            "spa",
            "sro",
            "sl",
            "lda",
            "bv",
            "nv",
            "oy",
            "oyj",
            "ab",
            "as",
            "asa",
            "aps",
            "se",
            "kft",
            "ltd",
            "limited",
            "llc",
            "llp",
            "lp",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "plc",
            "pty",
            "ooo",
            "oao",
            "zao",
            "pao",
            "ооо",
            "оао",
            "зао",
            "пао",
            "ип");

    private static final List<List<String>> LEADING_FORMS =
            words("ooo", "oao", "zao", "pao", "ооо", "оао", "зао", "пао", "ип");

    private Normalized() {}

    /**
     * A person's or any name in lower case (root locale), accents removed (é to e, ß to ss, ł to l), every run of
     * characters other than letters and digits one space, trimmed: {@code "  Zoë O'Brien-Łuk "} is
     * {@code "zoe o brien luk"}. Null reads as "".
     */
    public static String name(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        String plain =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ").strip();
    }

    /**
     * A company name as {@link #name} gives it, without its legal form (GmbH, GmbH &amp; Co. KG, Sp. z o.o., OOO,
     * Oy, AB, Ltd, Inc., S.A., ... at the end; OOO, ZAO, ... at the start), unless nothing else is left:
     * {@code "Müller Maschinenbau GmbH & Co. KG"} is {@code "muller maschinenbau"}, {@code "ООО «Ромашка»"} is
     * {@code "ромашка"}.
     */
    public static String companyName(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(name(text).split(" ")));
        boolean removed = true;
        while (removed && words.size() > 1) {
            removed = removeForm(words, LEGAL_FORMS, false) || removeForm(words, LEADING_FORMS, true);
        }
        return String.join(" ", words);
    }

    private static boolean removeForm(List<String> words, List<List<String>> forms, boolean atStart) {
        for (List<String> form : forms) {
            int size = form.size();
            if (size >= words.size()) {
                continue;
            }
            List<String> part = atStart ? words.subList(0, size) : words.subList(words.size() - size, words.size());
            if (part.equals(form)) {
                part.clear();
                return true;
            }
        }
        return false;
    }

    /** A VAT or tax id in upper case without spaces and punctuation ({@code "de 123.456.789"} is "DE123456789"). */
    public static String taxId(String text) {
        return text == null ? null : emptyAsNull(alphanumeric(text));
    }

    /** A postal code in upper case without spaces and punctuation ({@code "sw1a 1aa"} is "SW1A1AA"). */
    public static String postcode(String text) {
        return text == null ? null : emptyAsNull(alphanumeric(text));
    }

    private static String alphanumeric(String text) {
        return NOT_ALPHANUMERIC.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    private static String emptyAsNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static List<List<String>> words(String... forms) {
        return Arrays.stream(forms).map(form -> List.of(form.split(" "))).toList();
    }
}
