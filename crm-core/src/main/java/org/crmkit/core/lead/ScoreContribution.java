package org.crmkit.core.lead;

import org.crmkit.core.common.Require;

/**
 * One line of a score's explanation: the rule (or {@code decay}) that gave {@code points} (negative for a penalty
 * or for decay) and why, e.g. {@code ("Decision maker title", 20, "title 'CTO' contains 'cto'")}.
 */
public record ScoreContribution(String rule, int points, String reason) {

    public ScoreContribution {
        rule = Require.maxLength(Require.notBlank(rule, "rule"), 100, "rule");
        reason = Require.maxLength(Require.notBlank(reason, "reason"), 300, "reason");
    }
}
