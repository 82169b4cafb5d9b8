package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.activity.ActivityKind;

/**
 * What stage gates may ask about the interaction history of the opportunity being moved. The {@code Sales} service
 * answers from the activity history; a caller of the domain model directly supplies its own answer.
 */
@FunctionalInterface
public interface ActivityEvidence {

    /** Knows of no activity at all: every activity gate fails. */
    ActivityEvidence NONE = (kind, since) -> false;

    /** Whether an activity of the kind about the opportunity occurred at or after {@code since}. */
    boolean loggedSince(ActivityKind kind, Instant since);
}
