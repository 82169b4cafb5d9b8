package org.crmkit.core;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PartyId;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.DateRange;
import org.crmkit.core.party.LeapDayPolicy;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.Occasion;
import org.crmkit.core.party.Party;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.AccountRepository;
import org.crmkit.core.spi.ContactRepository;

/**
 * Use cases of contacts and accounts: registration, changes, consent, relationships and lookups, always for the
 * calling tenant. Every change loads the record, applies the change and saves it together with its events in one
 * transaction; a refused change (an {@code InvalidValueException} naming the field, a
 * {@code RecordNotFoundException}, ...) stores nothing. Each change returns the stored record with its new version.
 * "Today" is the date of the clock the {@link Crm} was built with. What contacts and accounts have in common (contact
 * points, tags, custom fields, owner, territory, customer since) is changed by one method for both, taking a
 * {@link PartyId} and returning the changed party: {@code Contact c = parties.tag(contactId, "vip")}. Thread-safe.
 */
public final class Parties {

    private final UseCases useCases;
    private final DuplicateCheck duplicates;

    Parties(UseCases useCases, DuplicateCheck duplicates) {
        this.useCases = useCases;
        this.duplicates = duplicates;
    }

    private ContactRepository contacts() {
        return useCases.contacts();
    }

    private AccountRepository accounts() {
        return useCases.accounts();
    }

    private LocalDate today() {
        return LocalDate.now(useCases.clock);
    }

    // registration

    /**
     * Registers a contact. Checked against the stored contacts under the tenant's duplicate rules: under
     * {@code DuplicatePolicy.REFUSE} a candidate scoring at least {@code refuseFrom} refuses it with a
     * {@code PossibleDuplicateException} and nothing is stored; {@link Duplicates#registerContact} also returns the
     * candidates.
     */
    public Contact registerContact(NewContact contact) {
        return registered(contact).record();
    }

    Registered<Contact> registered(NewContact contact) {
        return registered(contact, ContactId.next(useCases.ids));
    }

    /** Registers the contact under an id the caller chose (a device's, for a contact created offline). */
    Registered<Contact> registered(NewContact contact, ContactId id) {
        Require.notNull(contact, "contact");
        return useCases.write(() -> {
            useCases.references.territory(contact.territory(), "territory");
            List<DuplicateCandidate> candidates = duplicates.checkContact(contact);
            Contact saved =
                    useCases.save(Contact.register(useCases.tenant(), id, contact, useCases.clock), contacts()::save);
            return new Registered<>(saved, candidates);
        });
    }

    /**
     * Registers many contacts in one transaction: all of them or, when one is refused (a duplicate under
     * {@code DuplicatePolicy.REFUSE} included), none.
     */
    public List<Contact> importContacts(List<NewContact> newContacts) {
        List<NewContact> all = Require.noNulls(newContacts, "contacts");
        return useCases.write(() -> all.stream().map(this::registerContact).toList());
    }

    /** Registers an account, checked for duplicates as {@link #registerContact} is. */
    public Account registerAccount(NewAccount account) {
        return registered(account).record();
    }

    Registered<Account> registered(NewAccount account) {
        return registered(account, AccountId.next(useCases.ids));
    }

    /** Registers the account under an id the caller chose (a device's, for an account created offline). */
    Registered<Account> registered(NewAccount account, AccountId id) {
        Require.notNull(account, "account");
        return useCases.write(() -> {
            useCases.references.territory(account.territory(), "territory");
            List<DuplicateCandidate> candidates = duplicates.checkAccount(account);
            Account saved =
                    useCases.save(Account.register(useCases.tenant(), id, account, useCases.clock), accounts()::save);
            return new Registered<>(saved, candidates);
        });
    }

    // upserts by external reference

    /**
     * The host's way to sync accounts from another system: registers the account that system knows by {@code ref},
     * or brings the account that has {@code ref} in line with {@code account} as {@link Account#syncWith} says (name,
     * details and owner replaced; territory and customer-since replaced when given; contact points, tags, custom
     * fields and references added or set, what the account has besides kept). Returns what happened: created,
     * updated with the changed fields, or unchanged, when nothing was written and no event recorded. Two
     * concurrent upserts of one new reference store one account: the one that loses the race on the reference
     * runs again in a new transaction and updates it (when the upsert started the transaction; in the host's
     * transaction it throws the {@code DuplicateRecordException} and the host retries).
     */
    public Upserted<Account> upsertAccount(ExternalRef ref, NewAccount account) {
        Require.notNull(ref, "externalRef");
        NewAccount withRef = Require.notNull(account, "account").withExternalRef(ref);
        AtomicReference<List<DuplicateCandidate>> candidates = new AtomicReference<>(List.of());
        Upserted<Account> upserted = useCases.upsert(
                () -> {
                    useCases.references.territory(withRef.territory(), "territory");
                    return accounts().findByExternalRef(useCases.tenant(), ref);
                },
                () -> {
                    candidates.set(duplicates.checkAccount(withRef));
                    return Account.register(useCases.tenant(), AccountId.next(useCases.ids), withRef, useCases.clock);
                },
                stored -> stored.syncWith(withRef, useCases.clock),
                accounts()::save);
        return upserted.withPossibleDuplicates(candidates.get());
    }

    /** As {@link #upsertAccount}, for contacts ({@link Contact#syncWith}: name and personal details replaced). */
    public Upserted<Contact> upsertContact(ExternalRef ref, NewContact contact) {
        Require.notNull(ref, "externalRef");
        NewContact withRef = Require.notNull(contact, "contact").withExternalRef(ref);
        AtomicReference<List<DuplicateCandidate>> candidates = new AtomicReference<>(List.of());
        Upserted<Contact> upserted = useCases.upsert(
                () -> {
                    useCases.references.territory(withRef.territory(), "territory");
                    return contacts().findByExternalRef(useCases.tenant(), ref);
                },
                () -> {
                    candidates.set(duplicates.checkContact(withRef));
                    return Contact.register(useCases.tenant(), ContactId.next(useCases.ids), withRef, useCases.clock);
                },
                stored -> stored.syncWith(withRef, useCases.clock),
                contacts()::save);
        return upserted.withPossibleDuplicates(candidates.get());
    }

    /**
     * Adds another system's reference to an existing contact or account; refuses one that another party of the
     * same type has ({@code DuplicateRecordException} naming the reference).
     */
    public <P extends Party<I>, I extends PartyId> P addExternalRef(I party, ExternalRef ref) {
        Require.notNull(ref, "externalRef");
        return changeParty(party, p -> p.addExternalRef(ref, useCases.clock));
    }

    // contacts

    public Contact renameContact(ContactId contact, PersonName name) {
        Require.notNull(name, "name");
        return changeContact(contact, c -> c.rename(name, useCases.clock));
    }

    public Contact changeContactDetails(ContactId contact, ContactDetails details) {
        Require.notNull(details, "details");
        return changeContact(contact, c -> c.changeDetails(details, useCases.clock));
    }

    public Contact grantConsent(ContactId contact, ConsentChannel channel, ConsentPurpose purpose, String source) {
        return changeContact(contact, c -> c.grantConsent(channel, purpose, source, useCases.clock));
    }

    public Contact withdrawConsent(ContactId contact, ConsentChannel channel, ConsentPurpose purpose, String source) {
        return changeContact(contact, c -> c.withdrawConsent(channel, purpose, source, useCases.clock));
    }

    /**
     * Links the contact to an existing account in a role from {@code from} to {@code to} (inclusive; null: open).
     * Refuses a period overlapping another link of the contact to the same account.
     */
    public Contact linkContactToAccount(
            ContactId contact, AccountId account, String role, boolean decisionMaker, LocalDate from, LocalDate to) {
        Require.notNull(account, "account");
        DateRange period = new DateRange(from, to);
        return useCases.write(() -> {
            useCases.references.account(account, "account");
            return changeContact(contact, c -> c.linkToAccount(account, role, decisionMaker, period, useCases.clock));
        });
    }

    /** Ends the contact's link to the account that is current on {@code to}; it lasts up to and including {@code to}. */
    public Contact endAccountLink(ContactId contact, AccountId account, LocalDate to) {
        Require.notNull(account, "account");
        Require.notNull(to, "to");
        return changeContact(contact, c -> c.endAccountLink(account, to, useCases.clock));
    }

    // accounts

    public Account renameAccount(AccountId account, String name) {
        Require.notBlank(name, "name");
        return changeAccount(account, a -> a.rename(name, useCases.clock));
    }

    public Account changeAccountDetails(AccountId account, AccountDetails details) {
        Require.notNull(details, "details");
        return changeAccount(account, a -> a.changeDetails(details, useCases.clock));
    }

    /**
     * Makes {@code child} a subsidiary of the existing account {@code parent} from {@code from} on. Refuses a parent
     * that would make the child its own ancestor on that day (field {@code parent}).
     */
    public Account setParentAccount(AccountId child, AccountId parent, LocalDate from) {
        Require.notNull(child, "accountId");
        Require.notNull(parent, "parent");
        Require.notNull(from, "from");
        return useCases.write(() -> {
            useCases.references.account(parent, "parent");
            Set<AccountId> seen = new HashSet<>();
            Optional<AccountId> ancestor = Optional.of(parent);
            while (ancestor.isPresent() && seen.add(ancestor.get())) {
                if (ancestor.get().equals(child)) {
                    throw InvalidValueException.invalid(
                            "parent",
                            "account " + parent + " is a subsidiary of " + child + " on " + from
                                    + "; an account cannot be its own ancestor");
                }
                ancestor = account(ancestor.get()).parentOn(from);
            }
            return changeAccount(child, a -> a.setParent(parent, from, useCases.clock));
        });
    }

    /** Ends the account's current parent link so that from {@code from} on it has no parent. */
    public Account removeParentAccount(AccountId account, LocalDate from) {
        Require.notNull(from, "from");
        return changeAccount(account, a -> a.removeParent(from, useCases.clock));
    }

    public Account placeOnCreditHold(AccountId account, String reason) {
        Require.notBlank(reason, "reason");
        return changeAccount(account, a -> a.placeOnCreditHold(reason, useCases.clock));
    }

    public Account releaseCreditHold(AccountId account) {
        return changeAccount(account, a -> a.releaseCreditHold(useCases.clock));
    }

    // contact points, tags, custom fields, owner, territory: the same for contacts and accounts. Each takes a
    // ContactId or an AccountId and returns the changed Contact or Account (P is the party type of the id).

    /** Adds an email; the first one becomes primary. Refuses an email the party has (ignoring case). */
    public <P extends Party<I>, I extends PartyId> P addEmail(I party, EmailAddress email, ContactPointType type) {
        return changeParty(party, p -> p.addEmail(email, type, useCases.clock));
    }

    /** Removes an email; when it was primary the oldest remaining one becomes primary. */
    public <P extends Party<I>, I extends PartyId> P removeEmail(I party, EmailAddress email) {
        return changeParty(party, p -> p.removeEmail(email, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P makePrimaryEmail(I party, EmailAddress email) {
        return changeParty(party, p -> p.makePrimaryEmail(email, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P addPhone(I party, PhoneNumber phone, ContactPointType type) {
        return changeParty(party, p -> p.addPhone(phone, type, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P removePhone(I party, PhoneNumber phone) {
        return changeParty(party, p -> p.removePhone(phone, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P makePrimaryPhone(I party, PhoneNumber phone) {
        return changeParty(party, p -> p.makePrimaryPhone(phone, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P addAddress(I party, PostalAddress address, ContactPointType type) {
        return changeParty(party, p -> p.addAddress(address, type, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P removeAddress(I party, PostalAddress address) {
        return changeParty(party, p -> p.removeAddress(address, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P makePrimaryAddress(I party, PostalAddress address) {
        return changeParty(party, p -> p.makePrimaryAddress(address, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P tag(I party, String tag) {
        return changeParty(party, p -> p.tag(tag, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P untag(I party, String tag) {
        return changeParty(party, p -> p.untag(tag, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P setCustomField(
            I party, CustomFieldKey key, CustomFieldValue value) {
        return changeParty(party, p -> p.setCustomField(key, value, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P removeCustomField(I party, CustomFieldKey key) {
        return changeParty(party, p -> p.removeCustomField(key, useCases.clock));
    }

    public <P extends Party<I>, I extends PartyId> P assignOwner(I party, UserId owner) {
        return changeParty(party, p -> p.assignOwner(owner, useCases.clock));
    }

    /** Puts the party into the territory, or into none when {@code territory} is null. */
    public <P extends Party<I>, I extends PartyId> P assignTerritory(I party, TerritoryId territory) {
        return changeParty(party, p -> {
            useCases.references.territory(territory, "territory");
            p.assignTerritory(territory, useCases.clock);
        });
    }

    /** Records since when the party is a customer (not in the future), or that it is none when null. */
    public <P extends Party<I>, I extends PartyId> P markCustomerSince(I party, LocalDate date) {
        return changeParty(party, p -> p.markCustomerSince(date, useCases.clock));
    }

    // lookups

    /** The contact, or a {@code RecordNotFoundException}. */
    public Contact contact(ContactId contact) {
        return Reads.found(findContact(contact), "Contact", contact);
    }

    public Optional<Contact> findContact(ContactId contact) {
        return contacts().findById(useCases.tenant(), Require.notNull(contact, "contactId"));
    }

    /** The account, or a {@code RecordNotFoundException}. */
    public Account account(AccountId account) {
        return Reads.found(findAccount(account), "Account", account);
    }

    public Optional<Account> findAccount(AccountId account) {
        return accounts().findById(useCases.tenant(), Require.notNull(account, "accountId"));
    }

    /** The accounts among the ids, read together (one statement per hundred on a database); an id of no account is not in the map. */
    public Map<AccountId, Account> findAccounts(Collection<AccountId> accounts) {
        Require.noNulls(accounts, "accountIds");
        Map<AccountId, Account> byId = new LinkedHashMap<>();
        accounts().findByIds(useCases.tenant(), accounts).forEach(account -> byId.put(account.id(), account));
        return byId;
    }

    /** The contact that has the reference of another system. */
    public Optional<Contact> findContactByExternalRef(ExternalRef ref) {
        return contacts().findByExternalRef(useCases.tenant(), Require.notNull(ref, "externalRef"));
    }

    /** The account that has the reference of another system. */
    public Optional<Account> findAccountByExternalRef(ExternalRef ref) {
        return accounts().findByExternalRef(useCases.tenant(), Require.notNull(ref, "externalRef"));
    }

    /** Contacts with the email, ignoring case; by id. */
    /**
     * At most {@code limit} (1..1,000) of the tenant's contacts with an id after {@code after} (null: from the
     * first), by id: every contact a batch at a time, for exports and scans.
     */
    public List<Contact> contactsAfter(ContactId after, int limit) {
        Require.that(limit >= 1 && limit <= PageRequest.MAX_SIZE, "limit", "must be 1 to 1000, was " + limit);
        return contacts().findAllAfter(useCases.tenant(), after, limit);
    }

    /** As {@link #contactsAfter}, for accounts. */
    public List<Account> accountsAfter(AccountId after, int limit) {
        Require.that(limit >= 1 && limit <= PageRequest.MAX_SIZE, "limit", "must be 1 to 1000, was " + limit);
        return accounts().findAllAfter(useCases.tenant(), after, limit);
    }

    public List<Contact> contactsByEmail(EmailAddress email) {
        return contacts().findByEmail(useCases.tenant(), Require.notNull(email, "email"));
    }

    public List<Contact> contactsByPhone(PhoneNumber phone) {
        return contacts().findByPhone(useCases.tenant(), Require.notNull(phone, "phone"));
    }

    /** All contacts of the tenant, by id (creation order), a page at a time: for work over every contact. */
    public Page<Contact> contacts(PageRequest page) {
        return contacts().findAll(useCases.tenant(), Require.notNull(page, "page"));
    }

    /** Contacts owned by the user, in name order (last name, first name, id). */
    public Page<Contact> contactsOwnedBy(UserId owner, PageRequest page) {
        return contacts()
                .findByOwner(useCases.tenant(), Require.notNull(owner, "owner"), Require.notNull(page, "page"));
    }

    public Page<Contact> contactsTagged(String tag, PageRequest page) {
        return contacts().findByTag(useCases.tenant(), Require.notBlank(tag, "tag"), Require.notNull(page, "page"));
    }

    /** Contacts whose first, last or full name starts with the prefix, ignoring case, in name order. */
    public Page<Contact> contactsNamed(String prefix, PageRequest page) {
        return contacts()
                .findByNameStartingWith(
                        useCases.tenant(), Require.notBlank(prefix, "prefix"), Require.notNull(page, "page"));
    }

    /** Contacts that work at the account today, in name order. */
    public Page<Contact> contactsOfAccount(AccountId account, PageRequest page) {
        return contacts()
                .findByAccount(
                        useCases.tenant(), Require.notNull(account, "account"), today(), Require.notNull(page, "page"));
    }

    public Page<Contact> contactsWithBirthdayOn(MonthDay day, PageRequest page) {
        return contacts()
                .findWithBirthdayOn(useCases.tenant(), Require.notNull(day, "day"), Require.notNull(page, "page"));
    }

    /**
     * Contacts whose occasion (birthday, day they became customers) falls on the month and day of any year, in
     * name order. For the people celebrated on a date, ask {@link LeapDayPolicy#celebratedOn} for the month-days.
     */
    public Page<Contact> contactsWithOccasionOn(Occasion occasion, MonthDay day, PageRequest page) {
        Require.notNull(occasion, "occasion");
        Require.notNull(day, "day");
        Require.notNull(page, "page");
        return switch (occasion) {
            case BIRTHDAY -> contacts().findWithBirthdayOn(useCases.tenant(), day, page);
            case CUSTOMER_ANNIVERSARY -> contacts().findWithCustomerAnniversaryOn(useCases.tenant(), day, page);
        };
    }

    /** Accounts whose name equals the given one ignoring case and extra whitespace; by id. */
    public List<Account> accountsNamed(String name) {
        return accounts().findByName(useCases.tenant(), Require.notBlank(name, "name"));
    }

    public List<Account> accountsByEmail(EmailAddress email) {
        return accounts().findByEmail(useCases.tenant(), Require.notNull(email, "email"));
    }

    public List<Account> accountsByPhone(PhoneNumber phone) {
        return accounts().findByPhone(useCases.tenant(), Require.notNull(phone, "phone"));
    }

    public Page<Account> accountsOwnedBy(UserId owner, PageRequest page) {
        return accounts()
                .findByOwner(useCases.tenant(), Require.notNull(owner, "owner"), Require.notNull(page, "page"));
    }

    public Page<Account> accountsInTerritory(TerritoryId territory, PageRequest page) {
        return accounts()
                .findByTerritory(
                        useCases.tenant(), Require.notNull(territory, "territory"), Require.notNull(page, "page"));
    }

    /** The accounts that are subsidiaries of the account today, in name order. */
    public Page<Account> subsidiariesOf(AccountId parent, PageRequest page) {
        return accounts()
                .findChildren(
                        useCases.tenant(), Require.notNull(parent, "parent"), today(), Require.notNull(page, "page"));
    }

    /** Changes the contact or the account {@code id} names, as {@link #changeContact} or {@link #changeAccount}. */
    @SuppressWarnings("unchecked") // P is Party<I>, and the only Party<ContactId> is Contact, Party<AccountId> Account
    private <P extends Party<I>, I extends PartyId> P changeParty(I id, Consumer<Party<?>> change) {
        Require.notNull(id, "partyId");
        if (id instanceof ContactId contact) {
            return (P) changeContact(contact, change::accept);
        }
        return (P) changeAccount((AccountId) id, change::accept);
    }

    private Contact changeContact(ContactId id, Consumer<Contact> change) {
        Require.notNull(id, "contactId");
        return useCases.write(() -> {
            Contact contact = contact(id);
            change.accept(contact);
            return useCases.save(contact, contacts()::save);
        });
    }

    private Account changeAccount(AccountId id, Consumer<Account> change) {
        Require.notNull(id, "accountId");
        return useCases.write(() -> {
            Account account = account(id);
            change.accept(account);
            return useCases.save(account, accounts()::save);
        });
    }
}
