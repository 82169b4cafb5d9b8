package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Affiliation;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.Tags;
import org.crmkit.core.spi.ContactRepository;

/**
 * Contacts in memory, with indexes by email, phone, owner, tag, territory, linked account, birthday and customer
 * anniversary.
 */
final class InMemoryContactRepository implements ContactRepository {

    private static final Comparator<ContactState> BY_NAME = Comparator.comparing(
                    (ContactState state) -> state.name().lastName().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.name().firstName() == null
                    ? ""
                    : state.name().firstName().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.id().value());

    private final InMemoryParties<Contact, ContactState> contacts;
    private final InMemoryIndex<ContactState> byTag;
    private final InMemoryIndex<ContactState> byAccount;
    private final InMemoryIndex<ContactState> byBirthday;
    private final InMemoryIndex<ContactState> byCustomerAnniversary;
    private final InMemoryIndex<ContactState> byTerritory;

    private final InMemoryRecordShareRepository shares;
    private final InMemoryCustomerScoreRepository scores;

    InMemoryContactRepository(
            InMemoryTransactions transactions,
            InMemoryRecordShareRepository shares,
            InMemoryCustomerScoreRepository scores) {
        this.shares = shares;
        this.scores = scores;
        contacts = new InMemoryParties<>(
                "Contact",
                transactions,
                ContactState::contactPoints,
                ContactState::owner,
                ContactState::externalRefs,
                Contact::restore,
                BY_NAME);
        VersionedStore<ContactState> store = contacts.store();
        byTag = store.index(new InMemoryIndex<>(state -> state.tags().values()));
        byAccount = store.index(new InMemoryIndex<>(state -> state.affiliations().stream()
                .map(Affiliation::account)
                .distinct()
                .toList()));
        byBirthday = store.index(InMemoryIndex.single(state -> state.details().birthday() == null
                ? null
                : MonthDay.from(state.details().birthday())));
        byCustomerAnniversary = store.index(InMemoryIndex.single(
                state -> state.customerSince() == null ? null : MonthDay.from(state.customerSince())));
        byTerritory = store.index(InMemoryIndex.single(ContactState::territory));
    }

    private InMemoryContactRepository(InMemoryContactRepository all, InMemoryParties<Contact, ContactState> visible) {
        this.shares = all.shares;
        this.scores = all.scores;
        this.contacts = visible;
        this.byTag = all.byTag;
        this.byAccount = all.byAccount;
        this.byBirthday = all.byBirthday;
        this.byCustomerAnniversary = all.byCustomerAnniversary;
        this.byTerritory = all.byTerritory;
    }

    @Override
    public ContactRepository visibleTo(Visibility visibility) {
        return new InMemoryContactRepository(
                this,
                contacts.restrictedTo(shares.visibleTo(
                        visibility,
                        ContactState::tenant,
                        state -> RecordRef.contact(state.id()),
                        ContactState::owner,
                        ContactState::territory)));
    }

    @Override
    public Optional<Contact> findById(TenantId tenant, ContactId id) {
        return contacts.findById(tenant, id);
    }

    @Override
    public Contact save(Contact contact) {
        return contacts.save(Require.notNull(contact, "contact").state());
    }

    @Override
    public boolean delete(TenantId tenant, ContactId id, long expectedVersion) {
        return contacts.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Contact> findByEmail(TenantId tenant, EmailAddress email) {
        return contacts.findByEmail(tenant, email);
    }

    @Override
    public Optional<Contact> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return contacts.findByExternalRef(tenant, ref);
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        return contacts.findByPhone(tenant, phone);
    }

    @Override
    public Page<Contact> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return contacts.findByOwner(tenant, owner, page);
    }

    @Override
    public Page<Contact> findByTag(TenantId tenant, String tag, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(contacts.lookup(tenant, byTag, Tags.normalize(tag), BY_NAME), Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findByNameStartingWith(TenantId tenant, String prefix, PageRequest page) {
        String wanted = Require.notBlank(prefix, "prefix");
        return contacts.query(tenant, state -> state.name().startsWith(wanted), BY_NAME, page);
    }

    @Override
    public Page<Contact> findByAccount(TenantId tenant, AccountId account, LocalDate asOf, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        return contacts.lookup(
                tenant,
                byAccount,
                account,
                state -> state.affiliations().stream()
                        .anyMatch(link -> link.account().equals(account) && link.isCurrentOn(asOf)),
                page);
    }

    @Override
    public Page<Contact> findWithBirthdayOn(TenantId tenant, MonthDay day, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(
                contacts.lookup(tenant, byBirthday, Require.notNull(day, "day"), BY_NAME),
                Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findWithCustomerAnniversaryOn(TenantId tenant, MonthDay day, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(
                contacts.lookup(tenant, byCustomerAnniversary, Require.notNull(day, "day"), BY_NAME),
                Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findAll(TenantId tenant, PageRequest page) {
        return contacts.query(tenant, state -> true, contacts.byId(), page);
    }

    @Override
    public List<Contact> findAllAfter(TenantId tenant, ContactId after, int limit) {
        return contacts.findAllAfter(tenant, after, limit);
    }

    @Override
    public List<Contact> findMatchingAfter(TenantId tenant, SegmentRule rule, ContactId after, int limit) {
        return contacts.findMatchingAfter(
                tenant,
                rule,
                party -> rule.matches(
                        party,
                        rule.readsScores()
                                ? scores.find(tenant, RecordRef.contact(party.id()))
                                        .orElse(null)
                                : null),
                after,
                limit,
                byTag,
                byTerritory);
    }
}
