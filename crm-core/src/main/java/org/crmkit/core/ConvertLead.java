package org.crmkit.core;

import java.time.LocalDate;
import java.util.Currency;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;

/**
 * How to convert a qualified lead. {@code account} and {@code contact}: an existing record to reuse (e.g. a
 * reported duplicate), or null to create one from the lead. {@code deal}: the opportunity to open, or null for none.
 * {@code owner}: who owns what is created, null for the lead's owner (then required). {@code ignoreDuplicates}:
 * create new records although possible duplicates exist, instead of reporting them.
 */
public record ConvertLead(AccountId account, ContactId contact, Deal deal, UserId owner, boolean ignoreDuplicates) {

    /**
     * The opportunity to open in a pipeline's first open stage, in a currency; name (null: the account's name),
     * amount and close date may be null.
     */
    public record Deal(PipelineId pipeline, String name, Currency currency, Money amount, LocalDate expectedCloseDate) {
        public Deal {
            Require.notNull(pipeline, "deal.pipeline");
            Require.notNull(currency, "deal.currency");
        }
    }

    /** New account, contact and opportunity, owned by the lead's owner; duplicates are reported. */
    public static ConvertLead withDeal(Deal deal) {
        return new ConvertLead(null, null, Require.notNull(deal, "deal"), null, false);
    }

    /** A copy that reuses the existing account. */
    public ConvertLead reusingAccount(AccountId existing) {
        return new ConvertLead(Require.notNull(existing, "account"), contact, deal, owner, ignoreDuplicates);
    }

    /** A copy that reuses the existing contact. */
    public ConvertLead reusingContact(ContactId existing) {
        return new ConvertLead(account, Require.notNull(existing, "contact"), deal, owner, ignoreDuplicates);
    }

    /** A copy that creates new records even when duplicates are found. */
    public ConvertLead despiteDuplicates() {
        return new ConvertLead(account, contact, deal, owner, true);
    }
}
