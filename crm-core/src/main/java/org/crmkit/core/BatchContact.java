package org.crmkit.core;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.party.Contact;

/**
 * A contact that a {@link ContactBatch} read or saved, with its names in lower case and its emails (normalised), phones (E.164) and external
 * references, as the lookups compare them.
 */
record BatchContact(
        Contact contact,
        String lastName,
        String firstName,
        String fullName,
        Set<String> emails,
        Set<String> phones,
        List<ExternalRef> refs) {

    /** Name order as the storage answers it: last name, first name (both ignoring case), then id. */
    static final Comparator<BatchContact> NAME_ORDER = Comparator.comparing(BatchContact::lastName)
            .thenComparing(BatchContact::firstName)
            .thenComparing(known -> known.contact().id().value().toString());

    static BatchContact of(Contact contact) {
        String first = contact.name().firstName();
        return new BatchContact(
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
