package org.crmkit.core.privacy;

import java.util.List;
import java.util.Set;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * The person a subject access request or an erasure is about, as crmkit hands it to a
 * {@link org.crmkit.core.spi.PersonalDataHolder}.
 *
 * @param record      the contact or lead that is the person
 * @param accounts    the accounts the person is or was linked to (a contact's affiliations; a converted lead's
 *                    account), so that a holder can find records kept per account (a dunning case)
 * @param related     the records crmkit found to be about the person (its activities, tasks, cases, the leads it
 *                    was converted from), so that a holder can find what it keeps about them
 * @param identifiers what identifies the person in text: the record's id and the ids of {@code related}, names,
 *                    e-mail addresses (as given and normalised), phone numbers (E.164); a holder looks for these in
 *                    what it keeps, and an erasure removes every text in which one of them occurs
 */
public record DataSubject(
        TenantId tenant, RecordRef record, Set<AccountId> accounts, List<RecordRef> related, Set<String> identifiers) {

    public DataSubject {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        accounts = Set.copyOf(Require.notNull(accounts, "accounts"));
        related = List.copyOf(Require.notNull(related, "related"));
        identifiers = Set.copyOf(Require.notNull(identifiers, "identifiers"));
    }

    /** Whether {@code text} holds one of the identifiers (compared ignoring case); false for null. */
    public boolean isMentionedIn(String text) {
        return Identifiers.mentionedIn(text, identifiers);
    }
}
