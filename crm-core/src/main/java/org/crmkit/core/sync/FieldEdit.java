package org.crmkit.core.sync;

/**
 * One field as a device changed it: the value it had when the device last received the record ({@code base}), and the
 * device's value; either may be null (an empty field).
 */
public record FieldEdit(String base, String value) {}
