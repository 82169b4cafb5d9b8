package org.crmkit.core.party;

/** What an email address, phone number or postal address of a party is used for. */
public enum ContactPointType {
    WORK,
    HOME,
    MOBILE,
    BILLING,
    SHIPPING,
    OTHER
}
