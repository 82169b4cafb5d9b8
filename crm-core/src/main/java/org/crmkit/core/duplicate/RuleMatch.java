package org.crmkit.core.duplicate;

import org.crmkit.core.common.Require;

/**
 * A rule that matched between two records: its kind, its weight and the value they share in normal form (the
 * email, the E.164 number, the tax id, the name and postal code, or both names with their similarity).
 */
public record RuleMatch(MatchKind kind, int weight, String value) {

    public RuleMatch {
        Require.notNull(kind, "kind");
        Require.notBlank(value, "value");
    }
}
