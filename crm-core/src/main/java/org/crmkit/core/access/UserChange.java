package org.crmkit.core.access;

/** What part of a user a {@link UserChanged} event is about. */
public enum UserChange {
    NAME,
    EMAIL,
    ROLES
}
