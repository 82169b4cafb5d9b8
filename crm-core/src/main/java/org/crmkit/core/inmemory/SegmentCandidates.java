package org.crmkit.core.inmemory;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentMatch;
import org.crmkit.core.marketing.SegmentRule;

/**
 * The ids among which every match of a segment rule lies, read from the indexes: a criterion an index answers gives
 * its ids, every other criterion (consent, custom fields) gives none, meaning "any record". "All of" narrows to the
 * intersection of the criteria that give ids; "any of" narrows to their union only when every alternative gives ids.
 * The rule itself is tested on each candidate afterwards, so the candidates may hold more than the matches.
 */
final class SegmentCandidates {

    private SegmentCandidates() {}

    /**
     * The candidate ids of the rule, or empty when no index narrows it; {@code indexed} answers the ids of one
     * criterion that is not a nested rule, or empty when no index answers it.
     */
    static Optional<Set<UUID>> of(SegmentRule rule, Function<SegmentCriterion, Optional<Set<UUID>>> indexed) {
        Set<UUID> narrowed = null;
        for (SegmentCriterion criterion : rule.criteria()) {
            Optional<Set<UUID>> ids = criterion instanceof SegmentCriterion.Nested nested
                    ? of(nested.rule(), indexed)
                    : indexed.apply(criterion);
            if (rule.match() == SegmentMatch.ANY) {
                if (ids.isEmpty()) {
                    return Optional.empty();
                }
                narrowed = narrowed == null ? new HashSet<>() : narrowed;
                narrowed.addAll(ids.get());
            } else if (ids.isPresent()) {
                if (narrowed == null) {
                    narrowed = new HashSet<>(ids.get());
                } else {
                    narrowed.retainAll(ids.get());
                }
            }
        }
        return Optional.ofNullable(narrowed);
    }

    /** The ids of the records that have every one of the keys in the index. */
    static <S> Set<UUID> withEvery(InMemoryIndex<S> index, TenantId tenant, Set<?> keys) {
        Set<UUID> ids = null;
        for (Object key : keys) {
            Set<UUID> found = index.lookup(tenant, key);
            if (ids == null) {
                ids = new HashSet<>(found);
            } else {
                ids.retainAll(found);
            }
        }
        return ids == null ? Set.of() : ids;
    }
}
