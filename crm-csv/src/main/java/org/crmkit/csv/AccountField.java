package org.crmkit.csv;

/**
 * What a CSV column holds of an account. {@link #NAME} is required in a mapping; {@link #EXTERNAL_KEY} needs the
 * mapping's external system and makes each row an upsert by that reference. {@link #TAGS} holds tags separated by
 * ';'. Export writes the first email, phone and address.
 */
public enum AccountField {
    EXTERNAL_KEY,
    NAME,
    LEGAL_NAME,
    TAX_ID,
    WEBSITE,
    INDUSTRY,
    EMAIL,
    PHONE,
    STREET,
    POSTCODE,
    CITY,
    COUNTRY,
    TAGS
}
