package org.crmkit.core;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.Lead;

/**
 * The answer to capturing a lead: {@link Captured} (stored), or {@link PossibleDuplicates} (nothing stored) listing
 * the existing contacts, accounts and leads it may be; the caller then works with one of those or captures anyway.
 */
public sealed interface LeadCapture {

    /** The lead was stored. */
    record Captured(Lead lead) implements LeadCapture {
        public Captured {
            Require.notNull(lead, "lead");
        }
    }

    /** Nothing was stored: the lead may be one of these (at least one). */
    record PossibleDuplicates(List<DuplicateMatch> matches) implements LeadCapture {
        public PossibleDuplicates {
            matches = Require.noNulls(matches, "matches");
            Require.that(!matches.isEmpty(), "matches", "needs at least one match");
        }
    }
}
