package org.crmkit.core.duplicate;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPoint;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/**
 * What duplicate matching compares of a contact or an account, in normal form ({@link Normalized}): the name (a
 * person's first, middle and last name; a company name without its legal form), the postal codes of its addresses,
 * its emails and phones, and its tax id (accounts; null when unknown). {@code record} is null for a record not yet
 * stored.
 */
public record MatchProfile(
        RecordRef record, String name, Set<String> postcodes, Set<String> emails, Set<String> phones, String taxId) {

    public MatchProfile {
        Require.notNull(name, "name");
        postcodes = Set.copyOf(Require.notNull(postcodes, "postcodes"));
        emails = Set.copyOf(Require.notNull(emails, "emails"));
        phones = Set.copyOf(Require.notNull(phones, "phones"));
    }

    public static MatchProfile of(Contact contact) {
        return person(RecordRef.contact(contact.id()), contact.name(), contact.contactPoints());
    }

    public static MatchProfile of(NewContact contact) {
        return person(null, contact.name(), contact.contactPoints());
    }

    public static MatchProfile of(Account account) {
        return company(RecordRef.account(account.id()), account.name(), account.details(), account.contactPoints());
    }

    public static MatchProfile of(NewAccount account) {
        return company(null, account.name(), account.details(), account.contactPoints());
    }

    private static MatchProfile person(RecordRef record, PersonName name, ContactPoints points) {
        return of(record, Normalized.name(name.fullName()), points, null);
    }

    private static MatchProfile company(RecordRef record, String name, AccountDetails details, ContactPoints points) {
        return of(record, Normalized.companyName(name), points, Normalized.taxId(details.taxId()));
    }

    private static MatchProfile of(RecordRef record, String name, ContactPoints points, String taxId) {
        return new MatchProfile(
                record,
                name,
                values(points.addresses().stream()
                        .map(ContactPoint::value)
                        .map(PostalAddress::postalCode)
                        .map(Normalized::postcode)),
                values(points.emails().stream().map(ContactPoint::value).map(EmailAddress::normalized)),
                values(points.phones().stream().map(ContactPoint::value).map(PhoneNumber::e164)),
                taxId);
    }

    private static Set<String> values(Stream<String> values) {
        return values.filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
