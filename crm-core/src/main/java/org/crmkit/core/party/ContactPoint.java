package org.crmkit.core.party;

import org.crmkit.core.common.Require;

/**
 * One email address, phone number or postal address of a party, with its type and whether it is the primary one
 * of its kind. Created and kept consistent by {@link ContactPoints}.
 */
public record ContactPoint<T>(T value, ContactPointType type, boolean primary) {

    public ContactPoint {
        Require.notNull(value, "contactPoint.value");
        Require.notNull(type, "contactPoint.type");
    }

    ContactPoint<T> withPrimary(boolean primary) {
        return new ContactPoint<>(value, type, primary);
    }
}
