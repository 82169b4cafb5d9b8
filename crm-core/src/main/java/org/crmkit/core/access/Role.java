package org.crmkit.core.access;

/** What a user does; {@link #ADMIN} sees every record of the tenant. */
public enum Role {
    ADMIN,
    MANAGER,
    SALES,
    SERVICE,
    MARKETING
}
