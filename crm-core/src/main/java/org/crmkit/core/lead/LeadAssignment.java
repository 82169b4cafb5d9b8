package org.crmkit.core.lead;

import java.time.Instant;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/** Who got a lead by which assignment rule, why, and when. */
public record LeadAssignment(String rule, UserId owner, String reason, Instant at) {

    public LeadAssignment {
        rule = Require.maxLength(Require.notBlank(rule, "rule"), 100, "rule");
        Require.notNull(owner, "owner");
        reason = Require.maxLength(Require.notBlank(reason, "reason"), 300, "reason");
        Require.notNull(at, "at");
    }
}
