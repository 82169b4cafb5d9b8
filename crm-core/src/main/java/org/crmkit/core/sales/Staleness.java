package org.crmkit.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * How stale an open deal was found at {@code measuredAt} (see {@link Opportunity#staleness}): why, how many whole days
 * it had rested in its stage and gone without activity, and its last activity (null: none since it was opened).
 */
public record Staleness(
        Set<StaleReason> reasons,
        long daysInStage,
        long daysWithoutActivity,
        Instant lastActivityAt,
        Instant measuredAt) {

    public Staleness {
        reasons = Set.copyOf(Require.noNulls(reasons, "reasons"));
        Require.that(!reasons.isEmpty(), "reasons", "a stale deal has at least one reason");
        Require.notNull(measuredAt, "measuredAt");
    }

    /** The reasons in words, e.g. "15 days in its stage, 31 days without activity". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (reasons.contains(StaleReason.ROTTING)) {
            parts.add(days(daysInStage) + " in its stage");
        }
        if (reasons.contains(StaleReason.INACTIVE)) {
            parts.add(days(daysWithoutActivity) + " without activity");
        }
        return String.join(", ", parts);
    }

    private static String days(long count) {
        return count + (count == 1 ? " day" : " days");
    }
}
