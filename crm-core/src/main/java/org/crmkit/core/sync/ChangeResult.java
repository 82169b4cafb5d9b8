package org.crmkit.core.sync;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.Violation;
import org.crmkit.core.duplicate.DuplicateCandidate;

/**
 * What became of one {@link DeviceChange}: its outcome, the conflicting fields, the violations of a refused change
 * (each with its stable code), the central records a created one may duplicate (by the tenant's duplicate rules), and
 * the record's version now (0 when it does not exist), for the device's next update.
 */
public record ChangeResult(
        DeviceChange change,
        SyncOutcome outcome,
        List<FieldConflict> conflicts,
        List<Violation> violations,
        List<DuplicateCandidate> possibleDuplicates,
        long version) {

    public ChangeResult {
        Require.notNull(change, "change");
        Require.notNull(outcome, "outcome");
        conflicts = Require.noNulls(conflicts, "conflicts");
        violations = Require.noNulls(violations, "violations");
        possibleDuplicates = Require.noNulls(possibleDuplicates, "possibleDuplicates");
    }
}
