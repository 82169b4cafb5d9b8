package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.Tags;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.core.spi.CustomerScoreRepository;

/** Contacts in {@code crm_contact} (see {@link ContactMapping}). */
final class JpaContactRepository implements ContactRepository {

    private final StoredAggregates<Contact, ContactState, ContactRow> contacts;
    private final StoredParties<Contact> parties;

    private final AggregateTable<ContactState, ContactRow> table;
    private final CustomerScoreRepository scores;
    private final ContactNames names;

    /** {@code scores}: the customer scores a segment rule on scores reads. */
    JpaContactRepository(AggregateTable<ContactState, ContactRow> table, CustomerScoreRepository scores) {
        this.table = table;
        this.scores = scores;
        this.names = new ContactNames(table.transactions());
        this.contacts = new StoredAggregates<>(table, Contact::state, Contact::restore, "contact");
        this.parties = new StoredParties<>(contacts, ContactMapping.PARTY, ContactMapping.NAME_ORDER);
    }

    @Override
    public ContactRepository visibleTo(Visibility visibility) {
        return new JpaContactRepository(table.restrictedTo(new VisibleRows(visibility, "territoryId")), scores);
    }

    @Override
    public Optional<Contact> findById(TenantId tenant, ContactId id) {
        return contacts.findById(tenant, id);
    }

    /** One statement per 100 ids (see {@link IdParameters}). */
    @Override
    public List<Contact> findByIds(TenantId tenant, Collection<ContactId> ids) {
        return contacts.findByIds(tenant, ids);
    }

    /** One statement per 100 ids, reading the ids alone. */
    @Override
    public Set<ContactId> existingIds(TenantId tenant, Collection<ContactId> ids) {
        return contacts.existingIds(tenant, ids);
    }

    @Override
    public Contact save(Contact contact) {
        return contacts.save(contact);
    }

    @Override
    public List<Contact> saveAll(List<Contact> batch) {
        return contacts.saveAll(batch);
    }

    @Override
    public boolean delete(TenantId tenant, ContactId id, long expectedVersion) {
        return contacts.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Contact> findByEmail(TenantId tenant, EmailAddress email) {
        return parties.withEmail(tenant, email);
    }

    @Override
    public Optional<Contact> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return parties.withExternalRef(tenant, ref);
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        return parties.withPhone(tenant, phone);
    }

    /** Two statements per hundred references (see {@link AggregateLookups#listWithKeys}). */
    @Override
    public List<Contact> findByExternalRefs(TenantId tenant, Collection<ExternalRef> refs) {
        return parties.withExternalRefs(tenant, refs);
    }

    /** Two statements per hundred emails. */
    @Override
    public List<Contact> findByEmails(TenantId tenant, Collection<EmailAddress> emails) {
        return parties.withEmails(tenant, emails);
    }

    /** Two statements per hundred phones. */
    @Override
    public List<Contact> findByPhones(TenantId tenant, Collection<PhoneNumber> phones) {
        return parties.withPhones(tenant, phones);
    }

    /**
     * The ids in one statement per {@value ContactNames#PER_STATEMENT} prefixes, then the contacts by id; a view
     * restricted to a user's visible contacts asks a page per prefix.
     */
    @Override
    public List<Contact> findByNamesStartingWith(TenantId tenant, Collection<String> prefixes, int limit) {
        if (table.restricted()) {
            return ContactRepository.super.findByNamesStartingWith(tenant, prefixes, limit);
        }
        return contacts.findByIds(
                tenant,
                names.firstStartingWith(tenant, prefixes, limit).stream()
                        .map(ContactId::of)
                        .toList());
    }

    @Override
    public Page<Contact> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return parties.ownedBy(tenant, owner, page);
    }

    @Override
    public Page<Contact> findByTag(TenantId tenant, String tag, PageRequest page) {
        return parties.inNameOrder(tenant, RowQuery.withKey(ContactMapping.TAG, Tags.normalize(tag)), page);
    }

    @Override
    public Page<Contact> findByNameStartingWith(TenantId tenant, String prefix, PageRequest page) {
        String pattern = RowQuery.prefixPattern(
                AggregateMapping.lower(Require.notBlank(prefix, "prefix").strip()));
        return parties.inNameOrder(
                tenant,
                RowQuery.where("r.lastNameKey like :prefix escape '!' or r.firstNameKey like :prefix escape '!'"
                                + " or r.fullNameKey like :prefix escape '!'")
                        .bind("prefix", pattern),
                page);
    }

    @Override
    public Page<Contact> findByAccount(TenantId tenant, AccountId account, LocalDate asOf, PageRequest page) {
        Require.notNull(account, "account");
        Require.notNull(asOf, "asOf");
        return parties.inNameOrder(tenant, RowQuery.withKeyOn(ContactMapping.ACCOUNT, account.value(), asOf), page);
    }

    @Override
    public Page<Contact> findWithBirthdayOn(TenantId tenant, MonthDay day, PageRequest page) {
        return parties.inNameOrder(
                tenant,
                RowQuery.where("r.birthday = :day").bind("day", ContactMapping.monthDay(Require.notNull(day, "day"))),
                page);
    }

    @Override
    public Page<Contact> findWithCustomerAnniversaryOn(TenantId tenant, MonthDay day, PageRequest page) {
        return parties.inNameOrder(
                tenant,
                RowQuery.where("r.customerAnniversary = :day")
                        .bind("day", ContactMapping.monthDay(Require.notNull(day, "day"))),
                page);
    }

    @Override
    public Page<Contact> findAll(TenantId tenant, PageRequest page) {
        return contacts.page(tenant, RowQuery.all(), page);
    }

    @Override
    public List<Contact> findAllAfter(TenantId tenant, ContactId after, int limit) {
        RowQuery query =
                after == null ? RowQuery.all() : RowQuery.where("r.id > :after").bind("after", after.value());
        return contacts.first(tenant, query.orderBy("r.id"), Require.positive(limit, "limit"));
    }

    @Override
    public List<Contact> findMatchingAfter(TenantId tenant, SegmentRule rule, ContactId after, int limit) {
        return parties.matchingAfter(
                tenant,
                rule,
                after,
                limit,
                ContactMapping.TAG,
                RecordType.CONTACT,
                contact -> scores.find(tenant, RecordRef.contact(contact.id())).orElse(null));
    }
}
