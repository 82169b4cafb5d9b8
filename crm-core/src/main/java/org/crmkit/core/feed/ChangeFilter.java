package org.crmkit.core.feed;

import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * Which records a reader of the change feed wants: the record types by their aggregate names ({@code Contact},
 * {@code Account}, {@code Opportunity}, {@code ServiceCase}...), or every type. Immutable.
 */
public record ChangeFilter(Set<String> recordTypes) {

    public ChangeFilter {
        recordTypes = Set.copyOf(Require.noNulls(recordTypes, "recordTypes"));
    }

    /** Changes of every record type. */
    public static ChangeFilter all() {
        return new ChangeFilter(Set.of());
    }

    /** Changes of the named record types only. */
    public static ChangeFilter recordTypes(String... recordTypes) {
        Require.that(recordTypes.length > 0, "recordTypes", "names at least one record type");
        return new ChangeFilter(Set.of(recordTypes));
    }
}
