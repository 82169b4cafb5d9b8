package org.crmkit.core.duplicate;

import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.crmkit.core.common.Require;

/**
 * One duplicate-matching rule as data, like a stage gate: what it compares and how much a match weighs in a
 * candidate's score (1..100). {@code minSimilarity} (0 exclusive to 1) is used by {@link MatchKind#SIMILAR_NAME}
 * only and is 1 for the others. Create through the named factories. Immutable and thread-safe.
 */
public record MatchRule(MatchKind kind, int weight, double minSimilarity) {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    public MatchRule {
        Require.notNull(kind, "kind");
        Require.that(weight >= 1 && weight <= 100, "weight", "must be between 1 and 100, was " + weight);
        Require.that(
                minSimilarity > 0 && minSimilarity <= 1,
                "minSimilarity",
                "must be above 0 and at most 1, was " + minSimilarity);
        Require.that(
                kind == MatchKind.SIMILAR_NAME || minSimilarity == 1,
                "minSimilarity",
                "applies to SIMILAR_NAME only, was " + minSimilarity + " for " + kind);
    }

    public static MatchRule exactEmail(int weight) {
        return new MatchRule(MatchKind.EMAIL, weight, 1);
    }

    public static MatchRule phone(int weight) {
        return new MatchRule(MatchKind.PHONE, weight, 1);
    }

    public static MatchRule taxId(int weight) {
        return new MatchRule(MatchKind.TAX_ID, weight, 1);
    }

    public static MatchRule nameAndPostcode(int weight) {
        return new MatchRule(MatchKind.NAME_AND_POSTCODE, weight, 1);
    }

    /** Names with a Jaro-Winkler similarity of at least {@code minSimilarity} and a postal code in common. */
    public static MatchRule similarName(int weight, double minSimilarity) {
        return new MatchRule(MatchKind.SIMILAR_NAME, weight, minSimilarity);
    }

    /** What the two records have in common under this rule, if anything. */
    Optional<RuleMatch> match(MatchProfile a, MatchProfile b) {
        return switch (kind) {
            case EMAIL -> common(a.emails(), b.emails());
            case PHONE -> common(a.phones(), b.phones());
            case TAX_ID -> a.taxId() != null && a.taxId().equals(b.taxId()) ? matched(a.taxId()) : Optional.empty();
            case NAME_AND_POSTCODE ->
                a.name().equals(b.name())
                        ? firstCommon(a.postcodes(), b.postcodes()).flatMap(code -> matched(a.name() + " " + code))
                        : Optional.empty();
            case SIMILAR_NAME -> similarName(a, b);
        };
    }

    private Optional<RuleMatch> similarName(MatchProfile a, MatchProfile b) {
        Optional<String> postcode = firstCommon(a.postcodes(), b.postcodes());
        if (postcode.isEmpty() || a.name().isEmpty() || b.name().isEmpty()) {
            return Optional.empty();
        }
        double similarity = JARO_WINKLER.apply(a.name(), b.name());
        return similarity >= minSimilarity
                ? matched(a.name() + " ~ " + b.name() + " (" + Math.round(similarity * 100) + "%)")
                : Optional.empty();
    }

    private Optional<RuleMatch> common(Set<String> a, Set<String> b) {
        return firstCommon(a, b).flatMap(this::matched);
    }

    private static Optional<String> firstCommon(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        return smaller.stream().filter(larger::contains).sorted().findFirst();
    }

    private Optional<RuleMatch> matched(String value) {
        return Optional.of(new RuleMatch(kind, weight, value));
    }
}
