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
import java.util.stream.Collectors;
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

    /** Name order as the storage answers it: last name, first name (both ignoring case), then id. */
    private static final Comparator<Known> NAME_ORDER = Comparator.comparing(Known::lastName)
            .thenComparing(Known::firstName)
            .thenComparing(known -> known.contact().id().value().toString());

    /**
     * A contact of the batch with its names in lower case and its emails (normalised), phones (E.164) and external
     * references, as the lookups compare them.
     */
    private record Known(
            Contact contact,
            String lastName,
            String firstName,
            String fullName,
            Set<String> emails,
            Set<String> phones,
            List<ExternalRef> refs) {

        static Known of(Contact contact) {
            String first = contact.name().firstName();
            return new Known(
                    contact,
                    contact.name().lastName().toLowerCase(Locale.ROOT),
                    first == null ? "" : first.toLowerCase(Locale.ROOT),
                    contact.name().fullName().toLowerCase(Locale.ROOT),
                    contact.contactPoints().emails().stream()
                            .map(email -> email.value().normalized())
                            .collect(Collectors.toSet()),
                    contact.contactPoints().phones().stream()
                            .map(phone -> phone.value().e164())
                            .collect(Collectors.toSet()),
                    contact.externalRefs());
        }

        /**
         * As {@code PersonName.startsWith}: the last, first or full name starts with the prefix in lower case (never
         * blank, so a missing first name, "" here, does not start with it).
         */
        boolean startsWith(String lowerPrefix) {
            return lastName.startsWith(lowerPrefix)
                    || firstName.startsWith(lowerPrefix)
                    || fullName.startsWith(lowerPrefix);
        }
    }

    private final ContactRepository stored;
    private final Outbox outbox;
    private final TenantId tenant;
    private final int nameLimit;
    private final Set<ExternalRef> refsRead = new HashSet<>();
    private final Set<String> emailsRead = new HashSet<>();
    private final Set<String> phonesRead = new HashSet<>();
    /** Per last name read, the ids the storage answered for it, in name order. */
    private final Map<String, List<ContactId>> namesRead = new HashMap<>();
    /** The current copy of every contact read or saved by the batch. */
    private final Map<ContactId, Known> known = new LinkedHashMap<>();
    /** The contacts that had the value (email, phone, reference) in one of their copies; the current copy decides. */
    private final Map<String, Set<ContactId>> byEmail = new HashMap<>();

    private final Map<String, Set<ContactId>> byPhone = new HashMap<>();
    private final Map<ExternalRef, Set<ContactId>> byRef = new HashMap<>();

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
        List<ExternalRef> refs = new ArrayList<>();
        List<EmailAddress> emails = new ArrayList<>();
        List<PhoneNumber> phones = new ArrayList<>();
        List<String> lastNames = new ArrayList<>();
        for (NewContact contact : contacts) {
            refs.addAll(contact.externalRefs());
            if (checked) {
                contact.contactPoints().emails().forEach(email -> emails.add(email.value()));
                contact.contactPoints().phones().forEach(phone -> phones.add(phone.value()));
                if (comparedByName.test(contact)) {
                    lastNames.add(contact.name().lastName());
                }
            }
        }
        batch.remember(stored.findByExternalRefs(tenant, refs));
        batch.refsRead.addAll(refs);
        batch.remember(stored.findByEmails(tenant, emails));
        emails.forEach(email -> batch.emailsRead.add(email.normalized()));
        batch.remember(stored.findByPhones(tenant, phones));
        phones.forEach(phone -> batch.phonesRead.add(phone.e164()));
        List<Contact> named = stored.findByNamesStartingWith(tenant, lastNames, nameLimit);
        batch.remember(named);
        List<Known> namedKnown = named.stream().map(Known::of).toList();
        for (String lastName : lastNames) {
            batch.namesRead.put(
                    lastName,
                    namedKnown.stream()
                            .filter(contact -> contact.contact().name().startsWith(lastName))
                            .sorted(NAME_ORDER)
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
        Known current = Known.of(contact);
        known.put(contact.id(), current);
        current.emails()
                .forEach(email ->
                        byEmail.computeIfAbsent(email, key -> new HashSet<>()).add(contact.id()));
        current.phones()
                .forEach(phone ->
                        byPhone.computeIfAbsent(phone, key -> new HashSet<>()).add(contact.id()));
        current.refs()
                .forEach(ref ->
                        byRef.computeIfAbsent(ref, key -> new HashSet<>()).add(contact.id()));
    }

    /** The current copies of the contacts indexed under the value that still have it, by id. */
    private <K> List<Contact> indexed(Map<K, Set<ContactId>> index, K value, Predicate<Known> has) {
        return index.getOrDefault(value, Set.of()).stream()
                .map(known::get)
                .filter(has)
                .map(Known::contact)
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
        if (!this.tenant.equals(tenant) || !refsRead.contains(ref)) {
            flush();
            return stored.findByExternalRef(tenant, ref);
        }
        return indexed(byRef, ref, contact -> contact.refs().contains(ref)).stream()
                .findFirst();
    }

    @Override
    public List<Contact> findByEmail(TenantId tenant, EmailAddress email) {
        if (!this.tenant.equals(tenant) || !emailsRead.contains(email.normalized())) {
            flush();
            return stored.findByEmail(tenant, email);
        }
        String wanted = email.normalized();
        return indexed(byEmail, wanted, contact -> contact.emails().contains(wanted));
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        if (!this.tenant.equals(tenant) || !phonesRead.contains(phone.e164())) {
            flush();
            return stored.findByPhone(tenant, phone);
        }
        String wanted = phone.e164();
        return indexed(byPhone, wanted, contact -> contact.phones().contains(wanted));
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
                    .sorted(NAME_ORDER)
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
