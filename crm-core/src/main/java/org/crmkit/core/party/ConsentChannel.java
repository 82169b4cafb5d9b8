package org.crmkit.core.party;

/** How a party may be contacted. */
public enum ConsentChannel {
    EMAIL,
    SMS,
    PHONE,
    LETTER
}
