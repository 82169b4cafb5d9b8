package org.crmkit.core.party;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;

/**
 * The email addresses, phone numbers and postal addresses of a contact or an account. Immutable: every change
 * returns a new value.
 *
 * <p>Within each kind there is exactly one primary entry whenever there is any: the first one added becomes
 * primary, making another one primary demotes the old one, and removing the primary promotes the oldest remaining
 * entry. Emails are unique by {@link EmailAddress#normalized()}, phones by E.164 form, addresses by value; adding
 * one that is present is refused, as is removing or promoting one that is not.
 */
public record ContactPoints(
        List<ContactPoint<EmailAddress>> emails,
        List<ContactPoint<PhoneNumber>> phones,
        List<ContactPoint<PostalAddress>> addresses) {

    /** No contact points at all. */
    public static final ContactPoints NONE = new ContactPoints(List.of(), List.of(), List.of());

    public ContactPoints {
        emails = consistent(emails, EmailAddress::normalized, "emails");
        phones = consistent(phones, PhoneNumber::e164, "phones");
        addresses = consistent(addresses, Function.identity(), "addresses");
    }

    public ContactPoints withEmail(EmailAddress email, ContactPointType type) {
        return new ContactPoints(
                added(
                        emails,
                        Require.notNull(email, "email"),
                        Require.notNull(type, "emailType"),
                        EmailAddress::normalized,
                        "email"),
                phones,
                addresses);
    }

    public ContactPoints withoutEmail(EmailAddress email) {
        return new ContactPoints(
                removed(emails, Require.notNull(email, "email"), EmailAddress::normalized, "email"), phones, addresses);
    }

    public ContactPoints withPrimaryEmail(EmailAddress email) {
        return new ContactPoints(
                madePrimary(emails, Require.notNull(email, "email"), EmailAddress::normalized, "email"),
                phones,
                addresses);
    }

    public ContactPoints withPhone(PhoneNumber phone, ContactPointType type) {
        return new ContactPoints(
                emails,
                added(
                        phones,
                        Require.notNull(phone, "phone"),
                        Require.notNull(type, "phoneType"),
                        PhoneNumber::e164,
                        "phone"),
                addresses);
    }

    public ContactPoints withoutPhone(PhoneNumber phone) {
        return new ContactPoints(
                emails, removed(phones, Require.notNull(phone, "phone"), PhoneNumber::e164, "phone"), addresses);
    }

    public ContactPoints withPrimaryPhone(PhoneNumber phone) {
        return new ContactPoints(
                emails, madePrimary(phones, Require.notNull(phone, "phone"), PhoneNumber::e164, "phone"), addresses);
    }

    public ContactPoints withAddress(PostalAddress address, ContactPointType type) {
        return new ContactPoints(
                emails,
                phones,
                added(
                        addresses,
                        Require.notNull(address, "address"),
                        Require.notNull(type, "addressType"),
                        Function.identity(),
                        "address"));
    }

    public ContactPoints withoutAddress(PostalAddress address) {
        return new ContactPoints(
                emails,
                phones,
                removed(addresses, Require.notNull(address, "address"), Function.identity(), "address"));
    }

    public ContactPoints withPrimaryAddress(PostalAddress address) {
        return new ContactPoints(
                emails,
                phones,
                madePrimary(addresses, Require.notNull(address, "address"), Function.identity(), "address"));
    }

    public Optional<EmailAddress> primaryEmail() {
        return primary(emails);
    }

    public Optional<PhoneNumber> primaryPhone() {
        return primary(phones);
    }

    public Optional<PostalAddress> primaryAddress() {
        return primary(addresses);
    }

    /** Whether one of the emails equals the given one, ignoring case. */
    public boolean hasEmail(EmailAddress email) {
        return indexOf(emails, email, EmailAddress::normalized) >= 0;
    }

    public boolean hasPhone(PhoneNumber phone) {
        return indexOf(phones, phone, PhoneNumber::e164) >= 0;
    }

    private static <T> Optional<T> primary(List<ContactPoint<T>> points) {
        return points.stream()
                .filter(ContactPoint::primary)
                .map(ContactPoint::value)
                .findFirst();
    }

    private static <T> List<ContactPoint<T>> consistent(
            List<ContactPoint<T>> points, Function<T, ?> key, String field) {
        List<ContactPoint<T>> copy = Require.noNulls(points, field);
        Set<Object> keys = new HashSet<>();
        for (ContactPoint<T> point : copy) {
            if (!keys.add(key.apply(point.value()))) {
                throw InvalidValueException.invalid(field, "contains '" + point.value() + "' twice");
            }
        }
        long primaries = copy.stream().filter(ContactPoint::primary).count();
        if (!copy.isEmpty() && primaries != 1) {
            throw InvalidValueException.invalid(field, "must have exactly one primary entry, had " + primaries);
        }
        return copy;
    }

    private static <T> int indexOf(List<ContactPoint<T>> points, T value, Function<T, ?> key) {
        Object wanted = key.apply(value);
        for (int i = 0; i < points.size(); i++) {
            if (key.apply(points.get(i).value()).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> int requireIndex(List<ContactPoint<T>> points, T value, Function<T, ?> key, String field) {
        int index = indexOf(points, value, key);
        if (index < 0) {
            throw InvalidValueException.invalid(field, "'" + value + "' is not one of the party's entries");
        }
        return index;
    }

    private static <T> List<ContactPoint<T>> added(
            List<ContactPoint<T>> points, T value, ContactPointType type, Function<T, ?> key, String field) {
        if (indexOf(points, value, key) >= 0) {
            throw InvalidValueException.invalid(field, "'" + value + "' is already present");
        }
        List<ContactPoint<T>> result = new ArrayList<>(points);
        result.add(new ContactPoint<>(value, type, points.isEmpty()));
        return result;
    }

    private static <T> List<ContactPoint<T>> removed(
            List<ContactPoint<T>> points, T value, Function<T, ?> key, String field) {
        int index = requireIndex(points, value, key, field);
        List<ContactPoint<T>> result = new ArrayList<>(points);
        ContactPoint<T> gone = result.remove(index);
        if (gone.primary() && !result.isEmpty()) {
            result.set(0, result.get(0).withPrimary(true));
        }
        return result;
    }

    private static <T> List<ContactPoint<T>> madePrimary(
            List<ContactPoint<T>> points, T value, Function<T, ?> key, String field) {
        int index = requireIndex(points, value, key, field);
        List<ContactPoint<T>> result = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            result.add(points.get(i).withPrimary(i == index));
        }
        return result;
    }
}
