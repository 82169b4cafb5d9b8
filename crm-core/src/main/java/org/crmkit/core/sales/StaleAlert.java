package org.crmkit.core.sales;

import java.time.Instant;
import java.util.Set;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TaskId;

/**
 * The last time a deal was found stale: why, when, and the task created for its owner. A deal is alerted once per
 * stale spell; moving it to another stage or logging an activity after {@code raisedAt} ends the spell.
 */
public record StaleAlert(Set<StaleReason> reasons, TaskId task, Instant raisedAt) {

    public StaleAlert {
        reasons = Set.copyOf(Require.noNulls(reasons, "reasons"));
        Require.that(!reasons.isEmpty(), "reasons", "a stale alert needs at least one reason");
        Require.notNull(task, "task");
        Require.notNull(raisedAt, "raisedAt");
    }
}
