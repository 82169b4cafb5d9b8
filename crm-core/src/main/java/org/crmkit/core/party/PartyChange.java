package org.crmkit.core.party;

/** What part of a contact or account a {@link ContactChanged} or {@link AccountChanged} event is about. */
public enum PartyChange {
    NAME,
    DETAILS,
    EMAILS,
    PHONES,
    ADDRESSES,
    TAGS,
    CUSTOM_FIELDS,
    OWNER,
    TERRITORY,
    CUSTOMER_SINCE,
    EXTERNAL_REFS
}
