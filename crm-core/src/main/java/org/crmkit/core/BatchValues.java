package org.crmkit.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.ContactId;

/**
 * The values of one kind (e-mail addresses, phone numbers or external references) that a {@link ContactBatch} read
 * ahead, and the contacts that had each value in one of their copies; the contact's current copy decides whether it
 * still has it.
 */
final class BatchValues<K> {

    private final Set<K> read = new HashSet<>();
    private final Map<K, Set<ContactId>> contacts = new HashMap<>();

    /** Notes that the stored contacts with these values were read. */
    void readAll(Collection<K> values) {
        read.addAll(values);
    }

    boolean wasRead(K value) {
        return read.contains(value);
    }

    void add(K value, ContactId contact) {
        contacts.computeIfAbsent(value, key -> new HashSet<>()).add(contact);
    }

    /** Every contact that had the value in one of its copies. */
    Set<ContactId> contactsWith(K value) {
        return contacts.getOrDefault(value, Set.of());
    }
}
