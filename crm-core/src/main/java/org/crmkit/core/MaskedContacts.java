package org.crmkit.core;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Contact;
import org.crmkit.core.spi.ContactRepository;

/** A contact repository whose every contact read or saved comes back through a mask: as the acting user may read it (see
 * {@link FieldGuard}). */
final class MaskedContacts implements ContactRepository {

    private final ContactRepository contacts;
    private final UnaryOperator<Contact> mask;

    MaskedContacts(ContactRepository contacts, UnaryOperator<Contact> mask) {
        this.contacts = contacts;
        this.mask = mask;
    }

    private List<Contact> masked(List<Contact> found) {
        return found.stream().map(mask).toList();
    }

    @Override
    public ContactRepository visibleTo(Visibility visibility) {
        return new MaskedContacts(contacts.visibleTo(visibility), mask);
    }

    @Override
    public Optional<Contact> findById(TenantId tenant, ContactId id) {
        return contacts.findById(tenant, id).map(mask);
    }

    @Override
    public List<Contact> findByIds(TenantId tenant, Collection<ContactId> ids) {
        return masked(contacts.findByIds(tenant, ids));
    }

    /** Field masks hide fields, not records: the ids found are those of the contacts underneath. */
    @Override
    public Set<ContactId> existingIds(TenantId tenant, Collection<ContactId> ids) {
        return contacts.existingIds(tenant, ids);
    }

    @Override
    public Contact save(Contact contact) {
        return mask.apply(contacts.save(contact));
    }

    @Override
    public List<Contact> saveAll(List<Contact> batch) {
        return masked(contacts.saveAll(batch));
    }

    @Override
    public boolean delete(TenantId tenant, ContactId id, long expectedVersion) {
        return contacts.delete(tenant, id, expectedVersion);
    }

    @Override
    public List<Contact> findByEmail(TenantId tenant, EmailAddress email) {
        return masked(contacts.findByEmail(tenant, email));
    }

    @Override
    public Optional<Contact> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return contacts.findByExternalRef(tenant, ref).map(mask);
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        return masked(contacts.findByPhone(tenant, phone));
    }

    @Override
    public Page<Contact> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return contacts.findByOwner(tenant, owner, page).map(mask);
    }

    @Override
    public Page<Contact> findByTag(TenantId tenant, String tag, PageRequest page) {
        return contacts.findByTag(tenant, tag, page).map(mask);
    }

    @Override
    public Page<Contact> findByNameStartingWith(TenantId tenant, String prefix, PageRequest page) {
        return contacts.findByNameStartingWith(tenant, prefix, page).map(mask);
    }

    @Override
    public Page<Contact> findByAccount(TenantId tenant, AccountId account, LocalDate asOf, PageRequest page) {
        return contacts.findByAccount(tenant, account, asOf, page).map(mask);
    }

    @Override
    public Page<Contact> findWithBirthdayOn(TenantId tenant, MonthDay day, PageRequest page) {
        return contacts.findWithBirthdayOn(tenant, day, page).map(mask);
    }

    @Override
    public Page<Contact> findWithCustomerAnniversaryOn(TenantId tenant, MonthDay day, PageRequest page) {
        return contacts.findWithCustomerAnniversaryOn(tenant, day, page).map(mask);
    }

    @Override
    public Page<Contact> findAll(TenantId tenant, PageRequest page) {
        return contacts.findAll(tenant, page).map(mask);
    }

    @Override
    public List<Contact> findAllAfter(TenantId tenant, ContactId after, int limit) {
        return masked(contacts.findAllAfter(tenant, after, limit));
    }

    @Override
    public List<Contact> findMatchingAfter(TenantId tenant, SegmentRule rule, ContactId after, int limit) {
        return masked(contacts.findMatchingAfter(tenant, rule, after, limit));
    }
}
