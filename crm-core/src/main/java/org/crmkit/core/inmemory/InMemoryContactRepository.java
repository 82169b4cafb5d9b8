package org.crmkit.core.inmemory;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Affiliation;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.Tags;
import org.crmkit.core.spi.ContactRepository;

/** Contacts in memory, with indexes by email, phone, owner, tag, linked account, birthday and customer anniversary. */
final class InMemoryContactRepository implements ContactRepository {

    private static final Comparator<ContactState> BY_ID = Comparator.comparing(state -> state.id().value());
    private static final Comparator<ContactState> BY_NAME = Comparator
            .comparing((ContactState state) -> state.name().lastName().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.name().firstName() == null ? "" : state.name().firstName().toLowerCase(Locale.ROOT))
            .thenComparing(BY_ID);

    private final VersionedStore<ContactState> store;
    private final InMemoryIndex<ContactState> byEmail;
    private final InMemoryIndex<ContactState> byPhone;
    private final InMemoryIndex<ContactState> byOwner;
    private final InMemoryIndex<ContactState> byTag;
    private final InMemoryIndex<ContactState> byAccount;
    private final InMemoryIndex<ContactState> byBirthday;
    private final InMemoryIndex<ContactState> byCustomerAnniversary;

    InMemoryContactRepository(InMemoryTransactions transactions) {
        store = new VersionedStore<>("Contact", transactions);
        byEmail = store.index(new InMemoryIndex<>(state -> state.contactPoints().emails().stream()
                .map(point -> point.value().normalized()).toList()));
        byPhone = store.index(new InMemoryIndex<>(state -> state.contactPoints().phones().stream()
                .map(ContactPoint::value).toList()));
        byOwner = store.index(InMemoryIndex.single(ContactState::owner));
        byTag = store.index(new InMemoryIndex<>(state -> state.tags().values()));
        byAccount = store.index(new InMemoryIndex<>(state -> state.affiliations().stream()
                .map(Affiliation::account).distinct().toList()));
        byBirthday = store.index(InMemoryIndex.single(state -> state.details().birthday() == null ? null
                : MonthDay.from(state.details().birthday())));
        byCustomerAnniversary = store.index(InMemoryIndex.single(state -> state.customerSince() == null ? null
                : MonthDay.from(state.customerSince())));
    }

    @Override
    public Optional<Contact> findById(TenantId tenant, ContactId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id")).map(Contact::restore);
    }

    @Override
    public Contact save(Contact contact) {
        return Contact.restore(store.save(Require.notNull(contact, "contact").state()));
    }

    @Override
    public boolean delete(TenantId tenant, ContactId id, long expectedVersion) {
        return store.delete(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"), expectedVersion);
    }

    @Override
    public List<Contact> findByEmail(TenantId tenant, EmailAddress email) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byEmail, Require.notNull(email, "email").normalized(), BY_ID);
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        Require.notNull(tenant, "tenant");
        return lookup(tenant, byPhone, Require.notNull(phone, "phone"), BY_ID);
    }

    @Override
    public Page<Contact> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(lookup(tenant, byOwner, Require.notNull(owner, "owner"), BY_NAME), Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findByTag(TenantId tenant, String tag, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(lookup(tenant, byTag, Tags.normalize(tag), BY_NAME), Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findByNameStartingWith(TenantId tenant, String prefix, PageRequest page) {
        Require.notNull(tenant, "tenant");
        String wanted = Require.notBlank(prefix, "prefix");
        Require.notNull(page, "page");
        return Page.of(query(tenant, state -> state.name().startsWith(wanted), BY_NAME), page);
    }

    @Override
    public Page<Contact> findByAccount(TenantId tenant, AccountId account, LocalDate asOf, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        Require.notNull(asOf, "asOf");
        Require.notNull(page, "page");
        List<Contact> linked = store.findAll(tenant, byAccount.lookup(tenant, account)).stream()
                .filter(state -> state.affiliations().stream()
                        .anyMatch(link -> link.account().equals(account) && link.isCurrentOn(asOf)))
                .sorted(BY_NAME).map(Contact::restore).toList();
        return Page.of(linked, page);
    }

    @Override
    public Page<Contact> findWithBirthdayOn(TenantId tenant, MonthDay day, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(lookup(tenant, byBirthday, Require.notNull(day, "day"), BY_NAME), Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findWithCustomerAnniversaryOn(TenantId tenant, MonthDay day, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(lookup(tenant, byCustomerAnniversary, Require.notNull(day, "day"), BY_NAME),
                Require.notNull(page, "page"));
    }

    @Override
    public Page<Contact> findAll(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        return Page.of(query(tenant, state -> true, BY_ID), Require.notNull(page, "page"));
    }

    private List<Contact> lookup(TenantId tenant, InMemoryIndex<ContactState> index, Object key, Comparator<ContactState> order) {
        return store.findAll(tenant, index.lookup(tenant, key)).stream().sorted(order).map(Contact::restore).toList();
    }

    private List<Contact> query(TenantId tenant, Predicate<ContactState> filter, Comparator<ContactState> order) {
        return store.query(tenant, filter, order).stream().map(Contact::restore).toList();
    }
}
