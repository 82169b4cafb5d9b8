package org.crmkit.csv;

import java.util.List;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.duplicate.DuplicateCandidate;

/**
 * One row's result: its row number (the header is row 1), the outcome, the record (null when none was or would be
 * stored), the changed fields of an update, the possible duplicates and the errors.
 */
public record RowResult(
        long row,
        RowOutcome outcome,
        RecordRef record,
        List<String> changedFields,
        List<DuplicateCandidate> candidates,
        List<RowError> errors) {

    public RowResult {
        Require.notNull(outcome, "outcome");
        changedFields = Require.noNulls(changedFields, "changedFields");
        candidates = Require.noNulls(candidates, "candidates");
        errors = Require.noNulls(errors, "errors");
    }

    static RowResult failed(long row, List<RowError> errors) {
        return new RowResult(row, RowOutcome.ERROR, null, List.of(), List.of(), errors);
    }
}
