package org.crmkit.csv;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * What an import did: the rows read, the count per outcome, whether the stored rows were kept (false for a dry run,
 * and for an all-or-nothing import with a failed row), and the errors of the file as a whole (missing columns, bad
 * encoding), which stop the import.
 */
public record ImportSummary(long rows, Map<RowOutcome, Long> counts, boolean kept, List<RowError> fileErrors) {

    public ImportSummary {
        Map<RowOutcome, Long> all = new EnumMap<>(RowOutcome.class);
        for (RowOutcome outcome : RowOutcome.values()) {
            all.put(outcome, Require.notNull(counts, "counts").getOrDefault(outcome, 0L));
        }
        counts = Map.copyOf(all);
        fileErrors = Require.noNulls(fileErrors, "fileErrors");
    }

    /** The number of rows with the outcome. */
    public long count(RowOutcome outcome) {
        return counts.get(outcome);
    }
}
