package org.crmkit.core.party;

import java.time.Instant;
import org.crmkit.core.common.Require;

/** Why and since when an account is on credit hold (no new orders on credit), e.g. set by dunning. */
public record CreditHold(String reason, Instant since) {

    public CreditHold {
        reason = Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason");
        Require.notNull(since, "since");
    }
}
