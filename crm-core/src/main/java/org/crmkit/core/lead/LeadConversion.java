package org.crmkit.core.lead;

import java.time.Instant;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Require;

/** What a lead was converted into, and when; {@code opportunity} is null when no deal was opened. */
public record LeadConversion(ContactId contact, AccountId account, OpportunityId opportunity, Instant convertedAt) {

    public LeadConversion {
        Require.notNull(contact, "contact");
        Require.notNull(account, "account");
        Require.notNull(convertedAt, "convertedAt");
    }
}
