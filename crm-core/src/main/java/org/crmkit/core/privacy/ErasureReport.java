package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * What an erasure did: per kind of stored record ({@code contact}, {@code activities}, {@code outboxEvents}, a
 * {@code PersonalDataHolder}'s name, ...) how many records it changed or deleted. An erasure run again over an
 * erased person changes nothing and reports zeros.
 *
 * @param overriddenHolds the legal holds that applied and were overridden with a stated reason; empty otherwise
 */
public record ErasureReport(
        RecordRef subject, Instant erasedAt, Map<String, Integer> changed, List<String> overriddenHolds) {

    public ErasureReport {
        Require.notNull(subject, "subject");
        Require.notNull(erasedAt, "erasedAt");
        changed = Map.copyOf(Require.notNull(changed, "changed"));
        overriddenHolds = List.copyOf(Require.notNull(overriddenHolds, "overriddenHolds"));
    }

    /** How many records the erasure changed or deleted in all; 0 when the person was erased before. */
    public int total() {
        return changed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
