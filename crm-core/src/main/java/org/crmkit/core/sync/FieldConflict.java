package org.crmkit.core.sync;

/**
 * A field both the device and the central CRM changed, to different values: the value both started from, the device's,
 * the central one, the policy that decided, and the value stored now.
 */
public record FieldConflict(
        String field, String base, String deviceValue, String centralValue, FieldPolicy policy, String storedValue) {}
