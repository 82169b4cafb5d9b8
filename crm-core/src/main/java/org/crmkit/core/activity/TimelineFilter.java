package org.crmkit.core.activity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.crmkit.core.common.Require;

/**
 * Narrows a timeline: the kinds to include (empty means all) and a time range on {@code occurredAt},
 * {@code from} inclusive and {@code until} exclusive, either open (null).
 */
public record TimelineFilter(Set<ActivityKind> kinds, Instant from, Instant until) {

    /** Every activity. */
    public static final TimelineFilter ALL = new TimelineFilter(Set.of(), null, null);

    public TimelineFilter {
        kinds = Set.copyOf(Require.noNulls(kinds == null ? Set.of() : kinds, "kinds"));
        if (from != null && until != null) {
            Require.that(until.isAfter(from), "until", "must be after from (" + from + "), was " + until);
        }
    }

    public static TimelineFilter kinds(ActivityKind first, ActivityKind... rest) {
        return new TimelineFilter(EnumSet.of(first, rest), null, null);
    }

    public static TimelineFilter during(Instant from, Instant until) {
        return new TimelineFilter(Set.of(), Require.notNull(from, "from"), Require.notNull(until, "until"));
    }

    public TimelineFilter withKinds(Set<ActivityKind> kinds) {
        return new TimelineFilter(kinds, from, until);
    }

    public TimelineFilter within(Instant from, Instant until) {
        return new TimelineFilter(kinds, Require.notNull(from, "from"), Require.notNull(until, "until"));
    }

    /** Whether an activity of the kind at the time passes the filter. */
    public boolean matches(ActivityKind kind, Instant occurredAt) {
        return (kinds.isEmpty() || kinds.contains(kind))
                && (from == null || !occurredAt.isBefore(from))
                && (until == null || occurredAt.isBefore(until));
    }
}
