package org.crmkit.workflow.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * What a retention run found due as of {@code asOf}: per rule the contacts or leads whose erasure is due, and how
 * many erasures it newly scheduled (those scheduled by an earlier run are not scheduled again). The erasures are
 * made when the runtime delivers them; one refused by a legal hold fails after its retries with the hold as its
 * error, listed by {@code runtime.actions(ActionStatus.FAILED, ...)}.
 */
public record RetentionReport(Instant asOf, Map<String, List<RecordRef>> dueByRule, int scheduled) {

    public RetentionReport {
        Require.notNull(asOf, "asOf");
        dueByRule = Map.copyOf(Require.notNull(dueByRule, "dueByRule"));
        Require.notNegative(scheduled, "scheduled");
    }

    /** How many records are due in all. */
    public int due() {
        return dueByRule.values().stream().mapToInt(List::size).sum();
    }
}
