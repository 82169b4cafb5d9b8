package org.crmkit.core;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.sales.Opportunity;

/**
 * The answer to converting a lead: {@link Converted} with what it became, or {@link PossibleDuplicates} when the
 * records to create may already exist (nothing changed; reuse one or convert despite them).
 */
public sealed interface LeadConversionResult {

    /** The lead is CONVERTED; {@code opportunity} is null when no deal was asked for. */
    record Converted(Contact contact, Account account, Opportunity opportunity) implements LeadConversionResult {
        public Converted {
            Require.notNull(contact, "contact");
            Require.notNull(account, "account");
        }
    }

    /** Nothing changed: the contact or account to create may be one of these. */
    record PossibleDuplicates(List<DuplicateMatch> matches) implements LeadConversionResult {
        public PossibleDuplicates {
            matches = Require.noNulls(matches, "matches");
            Require.that(!matches.isEmpty(), "matches", "needs at least one match");
        }
    }
}
