package org.crmkit.core.spi;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Contact;

/**
 * Stores contacts. All arguments are required (null is refused with an {@code InvalidValueException}); every query
 * sees only the given tenant's contacts. Implementations are thread-safe.
 *
 * <p>"Name order" means: last name, then first name (both ignoring case, a missing first name first), then id.
 */
public interface ContactRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} and every
     * lookup included) answers only the contacts that user may see, filtered in the query itself, so that a page holds
     * as many visible records as asked for and counts count visible records only. Visible is a contact whose owner is
     * among {@link Visibility#owners()}, whose territory among {@link Visibility#territories()} or that is shared with one of {@link Visibility#grantees()} ({@link
     * RecordShareRepository}); everything when {@link Visibility#seesEverything()}. Saves and deletes are
     * not restricted (the use cases check changes). The view is as thread-safe as this repository.
     */
    ContactRepository visibleTo(Visibility visibility);

    Optional<Contact> findById(TenantId tenant, ContactId id);

    /**
     * The contacts among the ids, in no particular order: what {@link #findById} answers for each, read together (a
     * database adapter needs one statement per hundred ids). Ids that are not the tenant's contacts are left out.
     */
    default List<Contact> findByIds(TenantId tenant, Collection<ContactId> ids) {
        return ids.stream()
                .distinct()
                .map(id -> findById(tenant, id))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The ids among {@code ids} that {@link #findByIds} would find (the tenant's contacts, as this repository or
     * view may read them), without reading the contacts themselves: what a change that refers to contacts checks
     * before storing the references. A database adapter reads the ids alone, one statement per hundred ids. An
     * empty collection has none.
     */
    default Set<ContactId> existingIds(TenantId tenant, Collection<ContactId> ids) {
        return findByIds(tenant, ids).stream().map(Contact::id).collect(Collectors.toSet());
    }

    /**
     * Stores the contact when its version equals the stored one (0 for a new contact) and returns the stored copy
     * with the next version. Throws {@code StaleVersionException} when someone else saved it in between, and
     * {@code RecordNotFoundException} when a contact with a version above 0 does not exist (e.g. was deleted).
     */
    Contact save(Contact contact);

    /** Saves each contact as {@link #save} does, in the caller's transaction; returns the stored copies in order. */
    default List<Contact> saveAll(List<Contact> contacts) {
        return contacts.stream().map(this::save).toList();
    }

    /** Deletes the contact if it exists with the given version; false when it does not exist for the tenant. */
    boolean delete(TenantId tenant, ContactId id, long expectedVersion);

    /** Contacts that have the email among their emails, compared by {@link EmailAddress#normalized()}; by id. */
    List<Contact> findByEmail(TenantId tenant, EmailAddress email);

    /**
     * The contact that has the external reference, found through one index. {@link #save} refuses, with a
     * {@code DuplicateRecordException} naming the reference, to give a reference to a second contact of the tenant.
     */
    Optional<Contact> findByExternalRef(TenantId tenant, ExternalRef ref);

    /** Contacts that have the phone number among their phones; by id. */
    List<Contact> findByPhone(TenantId tenant, PhoneNumber phone);

    /**
     * The contacts that have one of the external references: what {@link #findByExternalRef} answers for each, read
     * together (a database adapter needs one statement per hundred references); each contact once, in no particular
     * order.
     */
    default List<Contact> findByExternalRefs(TenantId tenant, Collection<ExternalRef> refs) {
        return eachOnce(Require.noNulls(refs, "externalRefs").stream()
                .distinct()
                .flatMap(ref -> findByExternalRef(tenant, ref).stream()));
    }

    /**
     * The contacts that have one of the emails: what {@link #findByEmail} answers for each, read together (one
     * statement per hundred emails on a database); each contact once, in no particular order.
     */
    default List<Contact> findByEmails(TenantId tenant, Collection<EmailAddress> emails) {
        return eachOnce(Require.noNulls(emails, "emails").stream()
                .distinct()
                .flatMap(email -> findByEmail(tenant, email).stream()));
    }

    /**
     * The contacts that have one of the phone numbers: what {@link #findByPhone} answers for each, read together (one
     * statement per hundred numbers on a database); each contact once, in no particular order.
     */
    default List<Contact> findByPhones(TenantId tenant, Collection<PhoneNumber> phones) {
        return eachOnce(Require.noNulls(phones, "phones").stream()
                .distinct()
                .flatMap(phone -> findByPhone(tenant, phone).stream()));
    }

    /**
     * For each prefix, the first {@code limit} contacts in name order that {@link #findByNameStartingWith} answers
     * for it, read together (a database adapter needs one statement for many prefixes); each contact once, in no
     * particular order. The caller finds a prefix's contacts among them by testing the prefix and ordering by name.
     * Prefixes must not be blank; {@code limit} is 1 to 1,000.
     */
    default List<Contact> findByNamesStartingWith(TenantId tenant, Collection<String> prefixes, int limit) {
        PageRequest first = PageRequest.first(limit);
        return eachOnce(Require.noNulls(prefixes, "prefixes").stream()
                .distinct()
                .flatMap(prefix -> findByNameStartingWith(tenant, prefix, first).items().stream()));
    }

    private static List<Contact> eachOnce(Stream<Contact> contacts) {
        Map<ContactId, Contact> byId = new LinkedHashMap<>();
        contacts.forEach(contact -> byId.putIfAbsent(contact.id(), contact));
        return List.copyOf(byId.values());
    }

    /** Contacts owned by the user, in name order. */
    Page<Contact> findByOwner(TenantId tenant, UserId owner, PageRequest page);

    /** Contacts with the tag (compared in normal form, see {@code Tags}), in name order. */
    Page<Contact> findByTag(TenantId tenant, String tag, PageRequest page);

    /**
     * Contacts whose first name, last name or full name starts with the prefix, ignoring case, in name order.
     * The prefix must not be blank.
     */
    Page<Contact> findByNameStartingWith(TenantId tenant, String prefix, PageRequest page);

    /** Contacts with a link to the account that is current on {@code asOf}, in name order. */
    Page<Contact> findByAccount(TenantId tenant, AccountId account, LocalDate asOf, PageRequest page);

    /** Contacts whose birthday falls on the month and day (29 February only matches itself), in name order. */
    Page<Contact> findWithBirthdayOn(TenantId tenant, MonthDay day, PageRequest page);

    /**
     * Contacts who became customers ({@code customerSince}) on the month and day of any year (29 February only
     * matches itself), in name order.
     */
    Page<Contact> findWithCustomerAnniversaryOn(TenantId tenant, MonthDay day, PageRequest page);

    /** All contacts of the tenant, by id (which is creation order for generated ids). */
    Page<Contact> findAll(TenantId tenant, PageRequest page);

    /**
     * At most {@code limit} of the tenant's contacts with an id after {@code after} (null: from the first), by
     * id: reads every contact a batch at a time (a duplicate scan, an export) without paging by offset.
     */
    List<Contact> findAllAfter(TenantId tenant, ContactId after, int limit);

    /**
     * At most {@code limit} of the tenant's contacts that meet the rule with an id after {@code after} (null: from
     * the first), by id: one keyset page of a segment. The storage evaluates the rule itself, narrowing by its
     * indexes where the rule allows (tags, owner, territory and nested rules of them) and checking the other criteria
     * on the records those select; a rule no index narrows (only consent or custom-field criteria, or an alternative
     * of one) reads the tenant's contacts in id order until the page is full. Answers exactly what testing {@link
     * SegmentRule#matches} on every contact after {@code after} would, in the same order.
     */
    List<Contact> findMatchingAfter(TenantId tenant, SegmentRule rule, ContactId after, int limit);
}
