package org.crmkit.core.party;

/** The kinds of value a custom field can hold. */
public enum CustomFieldType {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    MONEY
}
