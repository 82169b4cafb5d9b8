package org.crmkit.core;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.duplicate.DuplicateRules;
import org.crmkit.core.duplicate.DuplicateScan;
import org.crmkit.core.duplicate.DuplicateScanResult;
import org.crmkit.core.duplicate.MatchProfile;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ContactRepository;

/**
 * Duplicate detection for the calling tenant under its {@link DuplicateRules} (set with
 * {@code Crm.Builder.duplicateRules}): the candidates a new contact or account would have, registration that
 * reports them, and a scan of all stored contacts or accounts for clusters. Candidates and scans compare only
 * with the records the acting user may see under the sharing model (hidden records are neither found nor named).
 * Thread-safe.
 */
public final class Duplicates {

    private static final int BATCH = 1000;

    private final UseCases useCases;
    private final DuplicateCheck check;
    private final Parties parties;

    Duplicates(UseCases useCases, DuplicateCheck check, Parties parties) {
        this.useCases = useCases;
        this.check = check;
        this.parties = parties;
    }

    /** The calling tenant's rules. */
    public DuplicateRules rules() {
        return check.rules();
    }

    /**
     * The stored contacts {@code contact} may duplicate under the tenant's rules, whatever its policy: those sharing
     * an email or phone and, when it has a postal code, the first 20 (in name order) whose name starts with its last
     * name, scored; highest score first. Stores nothing.
     */
    public List<DuplicateCandidate> candidatesFor(NewContact contact) {
        Require.notNull(contact, "contact");
        DuplicateRules rules = check.rules();
        return useCases.storage
                .transactions()
                .inTransaction(() -> check.contactCandidates(MatchProfile.of(contact), contact, rules));
    }

    /** As {@link #candidatesFor(NewContact)}, for accounts (sharing an email, a phone or the name). */
    public List<DuplicateCandidate> candidatesFor(NewAccount account) {
        Require.notNull(account, "account");
        DuplicateRules rules = check.rules();
        return useCases.storage
                .transactions()
                .inTransaction(() -> check.accountCandidates(MatchProfile.of(account), account, rules));
    }

    /**
     * Registers the contact as {@link Parties#registerContact} does (refused under {@code REFUSE} with a
     * {@code PossibleDuplicateException}, nothing stored) and returns it with its candidates.
     */
    public Registered<Contact> registerContact(NewContact contact) {
        return parties.registered(contact);
    }

    /**
     * Runs {@code work}, registrations and upserts of the given contacts on this thread (the rows of an import, say,
     * through {@link #registerContact} and {@link Parties#upsertContact}), in one transaction (joining an active one)
     * with their storage reads and writes batched: the stored contacts their upserts and duplicate checks will look
     * up (by external reference, email, phone and last name) are read together first, the lookups are answered from
     * them and from what {@code work} saved before, and the contacts {@code work} saves are written together, with
     * their events, when it returns. Each call in {@code work} returns what it would return without the batch; a
     * lookup the batch did not read ahead (another contact's, a query that is no such lookup) writes what is pending
     * and asks the storage. A refusal by the storage of the written contacts (a concurrent change, a host's
     * constraint) is thrown from this method after {@code work} returned, and the transaction is to be rolled back.
     * For a user whose view of contacts field security masks, {@code work} runs without the batch. Returns what
     * {@code work} returns.
     */
    public <T> T inContactBatch(List<NewContact> contacts, Supplier<T> work) {
        List<NewContact> batch = Require.noNulls(contacts, "contacts");
        Require.notNull(work, "work");
        if (useCases.fields.contactMask().isPresent()) {
            return useCases.write(work);
        }
        return useCases.inContactBatch(stored -> check.batch(stored, batch), work);
    }

    /** As {@link #registerContact}, for accounts. */
    public Registered<Account> registerAccount(NewAccount account) {
        return parties.registered(account);
    }

    /**
     * Scans every contact of the tenant that the acting user may see (see {@code SharingModel}) for clusters of
     * possible duplicates under the tenant's rules (whatever its
     * policy), reading them a batch at a time; only contacts sharing a blocking key are compared (see
     * {@link DuplicateScan}). Memory grows with the number of contacts (their names, postal codes, emails and
     * phones), not with the pairs.
     */
    public DuplicateScanResult scanContacts() {
        TenantId tenant = useCases.tenant();
        ContactRepository contacts = useCases.contacts();
        return scan((after, limit) -> contacts.findAllAfter(tenant, after, limit), Contact::id, MatchProfile::of);
    }

    /** As {@link #scanContacts}, for accounts (the tax id is a blocking key too). */
    public DuplicateScanResult scanAccounts() {
        TenantId tenant = useCases.tenant();
        AccountRepository accounts = useCases.accounts();
        return scan((after, limit) -> accounts.findAllAfter(tenant, after, limit), Account::id, MatchProfile::of);
    }

    private <P, I> DuplicateScanResult scan(
            BiFunction<I, Integer, List<P>> batchAfter, Function<P, I> id, Function<P, MatchProfile> profile) {
        DuplicateScan scan = new DuplicateScan(check.rules());
        I after = null;
        List<P> batch;
        do {
            I cursor = after;
            batch = useCases.storage.transactions().inTransaction(() -> batchAfter.apply(cursor, BATCH));
            batch.forEach(party -> scan.add(profile.apply(party)));
            after = batch.isEmpty() ? after : id.apply(batch.get(batch.size() - 1));
        } while (batch.size() == BATCH);
        return scan.clusters();
    }
}
