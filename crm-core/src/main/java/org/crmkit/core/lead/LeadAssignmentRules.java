package org.crmkit.core.lead;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * The ordered assignment rules of a tenant (names unique ignoring case). Immutable and thread-safe; configure it
 * once on the {@code Crm} builder.
 */
public record LeadAssignmentRules(List<AssignmentRule> rules) {

    /** No rules: every lead stays unassigned until assigned by hand. */
    public static final LeadAssignmentRules NONE = new LeadAssignmentRules(List.of());

    public LeadAssignmentRules {
        rules = Require.noNulls(rules, "rules");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Require.that(names.add(rules.get(i).name().toLowerCase(Locale.ROOT)), "rules[" + i + "].name",
                    "'" + rules.get(i).name() + "' is used by another rule");
        }
    }

    public static LeadAssignmentRules of(AssignmentRule... rules) {
        return new LeadAssignmentRules(List.of(rules));
    }
}
