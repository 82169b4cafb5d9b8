package org.crmkit.core.merge;

import java.util.EnumMap;
import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * The survivorship rules of a merge, as data: a rule for every field not named, and a rule per named field.
 * Immutable.
 *
 * <pre>{@code
 * Survivorship.of(SurvivorshipRule.MOST_COMPLETE).with(MergeField.OWNER, SurvivorshipRule.SURVIVOR_WINS)
 * }</pre>
 */
public record Survivorship(SurvivorshipRule otherwise, Map<MergeField, SurvivorshipRule> perField) {

    public Survivorship {
        Require.notNull(otherwise, "otherwise");
        Require.notNull(perField, "perField");
        perField.forEach((field, rule) -> {
            Require.notNull(field, "perField");
            Require.notNull(rule, "perField." + field);
        });
        perField = Map.copyOf(perField);
    }

    /** The survivor keeps every value it has and fills nothing from the others. */
    public static Survivorship survivorWins() {
        return of(SurvivorshipRule.SURVIVOR_WINS);
    }

    /** One rule for every field. */
    public static Survivorship of(SurvivorshipRule rule) {
        return new Survivorship(rule, Map.of());
    }

    /** These rules with {@code rule} for {@code field}. */
    public Survivorship with(MergeField field, SurvivorshipRule rule) {
        Map<MergeField, SurvivorshipRule> all = new EnumMap<>(MergeField.class);
        all.putAll(perField);
        all.put(Require.notNull(field, "field"), Require.notNull(rule, "rule"));
        return new Survivorship(otherwise, all);
    }

    /** The rule of a field. */
    public SurvivorshipRule ruleFor(MergeField field) {
        return perField.getOrDefault(Require.notNull(field, "field"), otherwise);
    }
}
