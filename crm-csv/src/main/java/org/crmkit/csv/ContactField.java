package org.crmkit.csv;

/**
 * What a CSV column holds of a contact. {@link #LAST_NAME} is required in a mapping; {@link #EXTERNAL_KEY} needs the
 * mapping's external system and makes each row an upsert by that reference. {@link #TAGS} holds tags separated by
 * ';'. Export writes the first email, phone and address.
 */
public enum ContactField {
    EXTERNAL_KEY,
    SALUTATION,
    FIRST_NAME,
    LAST_NAME,
    EMAIL,
    PHONE,
    STREET,
    POSTCODE,
    CITY,
    COUNTRY,
    TAGS
}
