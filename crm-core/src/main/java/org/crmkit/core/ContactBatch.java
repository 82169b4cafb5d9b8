package org.crmkit.core;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.spi.ContactRepository;
import org.crmkit.core.spi.Outbox;

/**
 * The contacts as the use cases of one batch of registrations and upserts (an import's rows) read and save them. When
 * the batch opens, the stored contacts that its external references, emails, phones and last names lead to are read
 * together (a few statements on a database, whatever the batch's size); the lookups the upserts and the duplicate check
 * make are answered from them and from what the batch saved before, and the saves and the events of the batch are
 * written together at its end ({@link #flush}). Every answer is what the storage would give after the batch's earlier
 * saves: a lookup the batch did not read ahead (or a name lookup that a change in the batch may have moved past what
 * was read) first writes what is pending and then asks the storage, and so does every other query. One thread, inside
 * one transaction.
 */
final class ContactBatch implements ContactRepository {

    private final ContactRepository stored;
    private final Outbox outbox;
    private final TenantId tenant;
    private final int nameLimit;
    private final BatchValues<ExternalRef> refs = new BatchValues<>();
    private final BatchValues<String> emails = new BatchValues<>();
    private final BatchValues<String> phones = new BatchValues<>();
    /** Per last name read, the ids the storage answered for it, in name order. */
    private final Map<String, List<ContactId>> namesRead = new HashMap<>();
    /** The current copy of every contact read or saved by the batch. */
    private final Map<ContactId, BatchContact> known = new LinkedHashMap<>();

    private final Set<ContactId> changed = new HashSet<>();
    private final List<ContactState> pending = new ArrayList<>();
    private final Set<ContactId> pendingIds = new HashSet<>();
    private final List<DomainEvent> events = new ArrayList<>();

    private ContactBatch(ContactRepository stored, Outbox outbox, TenantId tenant, int nameLimit) {
        this.stored = stored;
        this.outbox = outbox;
        this.tenant = tenant;
        this.nameLimit = nameLimit;
    }

    /**
     * Opens a batch for the contacts: reads the stored contacts with their external references and, when
     * {@code checked} (duplicates are looked for), those with their emails and phones and the first {@code nameLimit}
     * in name order whose name starts with the last name of each contact that {@code comparedByName}.
     */
    static ContactBatch read(
            ContactRepository stored,
            Outbox outbox,
            TenantId tenant,
            List<NewContact> contacts,
            boolean checked,
            Predicate<NewContact> comparedByName,
            int nameLimit) {
        ContactBatch batch = new ContactBatch(stored, outbox, tenant, nameLimit);
        List<ExternalRef> refsAhead = new ArrayList<>();
        List<EmailAddress> emailsAhead = new ArrayList<>();
        List<PhoneNumber> phonesAhead = new ArrayList<>();
        List<String> lastNames = new ArrayList<>();
        for (NewContact contact : contacts) {
            refsAhead.addAll(contact.externalRefs());
            if (checked) {
                contact.contactPoints().emails().forEach(email -> emailsAhead.add(email.value()));
                contact.contactPoints().phones().forEach(phone -> phonesAhead.add(phone.value()));
                if (comparedByName.test(contact)) {
                    lastNames.add(contact.name().lastName());
                }
            }
        }
        batch.remember(stored.findByExternalRefs(tenant, refsAhead));
        batch.refs.readAll(refsAhead);
        batch.remember(stored.findByEmails(tenant, emailsAhead));
        batch.emails.readAll(emailsAhead.stream().map(EmailAddress::normalized).toList());
        batch.remember(stored.findByPhones(tenant, phonesAhead));
        batch.phones.readAll(phonesAhead.stream().map(PhoneNumber::e164).toList());
        List<Contact> named = stored.findByNamesStartingWith(tenant, lastNames, nameLimit);
        batch.remember(named);
        List<BatchContact> namedBatchContact =
                named.stream().map(BatchContact::of).toList();
        for (String lastName : lastNames) {
            batch.namesRead.put(
                    lastName,
                    namedBatchContact.stream()
                            .filter(contact -> contact.contact().name().startsWith(lastName))
                            .sorted(BatchContact.NAME_ORDER)
                            .limit(nameLimit)
                            .map(contact -> contact.contact().id())
                            .toList());
        }
        return batch;
    }

    private void remember(List<Contact> contacts) {
        contacts.stream().filter(contact -> !known.containsKey(contact.id())).forEach(this::keep);
    }

    /** Keeps the contact's current copy and indexes its values. */
    private void keep(Contact contact) {
        BatchContact current = BatchContact.of(contact);
        known.put(contact.id(), current);
        current.emails().forEach(email -> emails.add(email, contact.id()));
        current.phones().forEach(phone -> phones.add(phone, contact.id()));
        current.refs().forEach(ref -> refs.add(ref, contact.id()));
    }

    /** Whether the batch answers a lookup of the value in the tenant: it read the value ahead. */
    private <K> boolean answers(BatchValues<K> values, TenantId asked, K value) {
        return tenant.equals(asked) && values.wasRead(value);
    }

    /** The current copies of the contacts that had the value and still have it, by id. */
    private <K> List<Contact> find(BatchValues<K> values, K value, Predicate<BatchContact> has) {
        return values.contactsWith(value).stream()
                .map(known::get)
                .filter(has)
                .map(BatchContact::contact)
                .sorted(Comparator.comparing(contact -> contact.id().value().toString()))
                .toList();
    }

    /** Writes what is pending before {@code aggregate} is saved again, so that reads of its stored copy see it. */
    void beforeSaving(Object aggregate) {
        if (aggregate instanceof Contact contact && pendingIds.contains(contact.id())) {
            flush();
        }
    }

    /** Keeps events to append with the batch's saves. */
    void append(List<DomainEvent> saved) {
        events.addAll(saved);
    }

    /** Writes the pending saves together, then appends their events together. */
    void flush() {
        if (!pending.isEmpty()) {
            List<Contact> toSave = pending.stream().map(Contact::restore).toList();
            pending.clear();
            pendingIds.clear();
            stored.saveAll(toSave);
        }
        if (!events.isEmpty()) {
            List<DomainEvent> toAppend = List.copyOf(events);
            events.clear();
            outbox.append(toAppend);
        }
    }

    /** Keeps the contact to write at the end of the batch and returns the copy the storage would return. */
    @Override
    public Contact save(Contact contact) {
        if (pendingIds.contains(contact.id())) {
            flush();
        }
        ContactState state = contact.state();
        pending.add(state);
        pendingIds.add(contact.id());
        Contact saved = Contact.restore(state.withVersion(state.version() + 1));
        keep(saved);
        changed.add(saved.id());
        return saved;
    }

    @Override
    public Optional<Contact> findByExternalRef(TenantId tenant, ExternalRef ref) {
        if (!answers(refs, tenant, ref)) {
            flush();
            return stored.findByExternalRef(tenant, ref);
        }
        return find(refs, ref, contact -> contact.refs().contains(ref)).stream().findFirst();
    }

    @Override
    public List<Contact> findByEmail(TenantId tenant, EmailAddress email) {
        String wanted = email.normalized();
        if (!answers(emails, tenant, wanted)) {
            flush();
            return stored.findByEmail(tenant, email);
        }
        return find(emails, wanted, contact -> contact.emails().contains(wanted));
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        String wanted = phone.e164();
        if (!answers(phones, tenant, wanted)) {
            flush();
            return stored.findByPhone(tenant, phone);
        }
        return find(phones, wanted, contact -> contact.phones().contains(wanted));
    }

    /**
     * Answered from the batch when every prefix was read ahead and the storage answered fewer than the limit for it
     * (so every stored match was read) or none of the contacts it answered was changed by the batch (so none of them
     * can have left the first {@code limit}).
     */
    @Override
    public List<Contact> findByNamesStartingWith(TenantId tenant, Collection<String> prefixes, int limit) {
        boolean answerable = this.tenant.equals(tenant)
                && limit == nameLimit
                && prefixes.stream().allMatch(prefix -> {
                    List<ContactId> read = namesRead.get(prefix);
                    return read != null && (read.size() < limit || read.stream().noneMatch(changed::contains));
                });
        if (!answerable) {
            flush();
            return stored.findByNamesStartingWith(tenant, prefixes, limit);
        }
        Map<ContactId, Contact> found = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            String wanted = prefix.strip().toLowerCase(Locale.ROOT);
            known.values().stream()
                    .filter(contact -> contact.startsWith(wanted))
                    .sorted(BatchContact.NAME_ORDER)
                    .limit(limit)
                    .forEach(contact -> found.putIfAbsent(contact.contact().id(), contact.contact()));
        }
        return List.copyOf(found.values());
    }

    // every other query writes what is pending and asks the storage

    @Override
    public ContactRepository visibleTo(Visibility visibility) {
        flush();
        return stored.visibleTo(visibility);
    }

    @Override
    public Optional<Contact> findById(TenantId tenant, ContactId id) {
        flush();
        return stored.findById(tenant, id);
    }

    @Override
    public List<Contact> findByIds(TenantId tenant, Collection<ContactId> ids) {
        flush();
        return stored.findByIds(tenant, ids);
    }

    @Override
    public Set<ContactId> existingIds(TenantId tenant, Collection<ContactId> ids) {
        flush();
        return stored.existingIds(tenant, ids);
    }

    @Override
    public List<Contact> saveAll(List<Contact> contacts) {
        flush();
        return stored.saveAll(contacts);
    }

    @Override
    public boolean delete(TenantId tenant, ContactId id, long expectedVersion) {
        flush();
        return stored.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Contact> findByExternalRefs(TenantId tenant, Collection<ExternalRef> refs) {
        flush();
        return stored.findByExternalRefs(tenant, refs);
    }

    @Override
    public List<Contact> findByEmails(TenantId tenant, Collection<EmailAddress> emails) {
        flush();
        return stored.findByEmails(tenant, emails);
    }

    @Override
    public List<Contact> findByPhones(TenantId tenant, Collection<PhoneNumber> phones) {
        flush();
        return stored.findByPhones(tenant, phones);
    }

    @Override
    public Page<Contact> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        flush();
        return stored.findByOwner(tenant, owner, page);
    }

    @Override
    public Page<Contact> findByTag(TenantId tenant, String tag, PageRequest page) {
        flush();
        return stored.findByTag(tenant, tag, page);
    }

    @Override
    public Page<Contact> findByNameStartingWith(TenantId tenant, String prefix, PageRequest page) {
        flush();
        return stored.findByNameStartingWith(tenant, prefix, page);
    }

    @Override
    public Page<Contact> findByAccount(TenantId tenant, AccountId account, LocalDate asOf, PageRequest page) {
        flush();
        return stored.findByAccount(tenant, account, asOf, page);
    }

    @Override
    public Page<Contact> findWithBirthdayOn(TenantId tenant, MonthDay day, PageRequest page) {
        flush();
        return stored.findWithBirthdayOn(tenant, day, page);
    }

    @Override
    public Page<Contact> findWithCustomerAnniversaryOn(TenantId tenant, MonthDay day, PageRequest page) {
        flush();
        return stored.findWithCustomerAnniversaryOn(tenant, day, page);
    }

    @Override
    public Page<Contact> findAll(TenantId tenant, PageRequest page) {
        flush();
        return stored.findAll(tenant, page);
    }

    @Override
    public List<Contact> findAllAfter(TenantId tenant, ContactId after, int limit) {
        flush();
        return stored.findAllAfter(tenant, after, limit);
    }

    @Override
    public List<Contact> findMatchingAfter(TenantId tenant, SegmentRule rule, ContactId after, int limit) {
        flush();
        return stored.findMatchingAfter(tenant, rule, after, limit);
    }
}
