package org.crmkit.core.lead;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.common.Require;

/**
 * One named rule of a {@link LeadScoringModel}: it looks at what the lead is (attribute rules) or what it did
 * (behaviour rules) and gives points, negative for a penalty, with the reason it applied. Rules are data: records a
 * host lists, stores and tests.
 */
public sealed interface ScoringRule {

    String name();

    /** The rule's contribution for the lead, or empty when it does not apply. */
    Optional<ScoreContribution> apply(LeadDetails details, LeadSource source, List<Engagement> engagements);

    private static String checkedName(String name) {
        return Require.maxLength(Require.notBlank(name, "rule.name"), 100, "rule.name");
    }

    private static Set<String> lowerCased(Set<String> values, String field) {
        Set<String> checked = Require.noNulls(values, field).stream()
                .map(v -> Require.notBlank(v, field))
                .map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Require.that(!checked.isEmpty(), field, "must name at least one value");
        return checked;
    }

    /** Which attribute of a lead an {@link AttributeIs} rule compares. */
    enum Attribute {
        INDUSTRY,
        COUNTRY,
        SOURCE,
        REGION;

        String valueOf(LeadDetails details, LeadSource source) {
            return switch (this) {
                case INDUSTRY -> details.industry();
                case COUNTRY ->
                    details.country() == null ? null : details.country().value();
                case SOURCE -> source.value();
                case REGION -> details.region();
            };
        }
    }

    /** Points when the attribute equals one of the values, ignoring case. */
    record AttributeIs(String name, Attribute attribute, Set<String> values, int points) implements ScoringRule {
        public AttributeIs {
            name = checkedName(name);
            Require.notNull(attribute, "attribute");
            values = lowerCased(values, "values");
        }

        @Override
        public Optional<ScoreContribution> apply(LeadDetails details, LeadSource source, List<Engagement> engagements) {
            String value = attribute.valueOf(details, source);
            if (value == null || !values.contains(value.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            return Optional.of(
                    new ScoreContribution(name, points, attribute.name().toLowerCase(Locale.ROOT) + " is " + value));
        }
    }

    /** Points when the title contains one of the words, ignoring case (the first word found is the reason). */
    record TitleContains(String name, List<String> words, int points) implements ScoringRule {
        public TitleContains {
            name = checkedName(name);
            words = List.copyOf(lowerCased(Set.copyOf(Require.noNulls(words, "words")), "words")).stream()
                    .sorted()
                    .toList();
        }

        @Override
        public Optional<ScoreContribution> apply(LeadDetails details, LeadSource source, List<Engagement> engagements) {
            if (details.title() == null) {
                return Optional.empty();
            }
            String title = details.title().toLowerCase(Locale.ROOT);
            return words.stream()
                    .filter(title::contains)
                    .findFirst()
                    .map(word -> new ScoreContribution(
                            name, points, "title '" + details.title() + "' contains '" + word + "'"));
        }
    }

    /** Points when the company has {@code min}..{@code max} employees (either bound may be null: open). */
    record CompanySize(String name, Integer min, Integer max, int points) implements ScoringRule {
        public CompanySize {
            name = checkedName(name);
            Require.that(min != null || max != null, "min", "a size rule needs a minimum or a maximum");
            Require.that(min == null || max == null || min <= max, "max", "must not be below the minimum " + min);
        }

        @Override
        public Optional<ScoreContribution> apply(LeadDetails details, LeadSource source, List<Engagement> engagements) {
            Integer employees = details.employeeCount();
            if (employees == null || (min != null && employees < min) || (max != null && employees > max)) {
                return Optional.empty();
            }
            return Optional.of(new ScoreContribution(
                    name,
                    points,
                    employees + " employees, within " + (min == null ? "" : min) + ".." + (max == null ? "" : max)));
        }
    }

    /** {@code pointsEach} per activity of the kind about the lead, at most {@code maxPoints} in all. */
    record ActivityLogged(String name, ActivityKind kind, int pointsEach, int maxPoints) implements ScoringRule {
        public ActivityLogged {
            name = checkedName(name);
            Require.notNull(kind, "kind");
            Require.positive(pointsEach, "pointsEach");
            Require.that(maxPoints >= pointsEach, "maxPoints", "must be at least pointsEach " + pointsEach);
        }

        @Override
        public Optional<ScoreContribution> apply(LeadDetails details, LeadSource source, List<Engagement> engagements) {
            long count = engagements.stream().filter(e -> e.activity() == kind).count();
            return capped(name, count, pointsEach, maxPoints, kind.name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code pointsEach} per campaign the lead responded to, at most {@code maxPoints} in all. */
    record CampaignResponded(String name, int pointsEach, int maxPoints) implements ScoringRule {
        public CampaignResponded {
            name = checkedName(name);
            Require.positive(pointsEach, "pointsEach");
            Require.that(maxPoints >= pointsEach, "maxPoints", "must be at least pointsEach " + pointsEach);
        }

        @Override
        public Optional<ScoreContribution> apply(LeadDetails details, LeadSource source, List<Engagement> engagements) {
            long count = engagements.stream().filter(e -> e.campaign() != null).count();
            return capped(name, count, pointsEach, maxPoints, "campaign response");
        }
    }

    private static Optional<ScoreContribution> capped(
            String name, long count, int pointsEach, int maxPoints, String what) {
        if (count == 0) {
            return Optional.empty();
        }
        long points = Math.min(count * pointsEach, maxPoints);
        return Optional.of(new ScoreContribution(
                name,
                (int) points,
                count + " × " + what + " × " + pointsEach
                        + (points < count * pointsEach ? ", capped at " + maxPoints : "")));
    }
}
