package org.crmkit.core.merge;

import org.crmkit.core.common.RecordType;

/**
 * The single-valued fields of contacts and accounts whose value a {@link SurvivorshipRule} picks. Collections are
 * combined rather than picked: contact points, tags, external references, account links and parent links are
 * united (the survivor's primaries stay primary), custom fields are the survivor's plus those it lacks, the consent
 * history is combined with the most restrictive decision winning, and an account's credit hold is kept when any
 * record has one.
 */
public enum MergeField {
    /** A contact's name (salutation, first, middle and last name as one value). */
    NAME(RecordType.CONTACT),
    PREFERRED_LANGUAGE(RecordType.CONTACT),
    BIRTHDAY(RecordType.CONTACT),
    TIME_ZONE(RecordType.CONTACT),
    /** An account's name. */
    ACCOUNT_NAME(RecordType.ACCOUNT),
    LEGAL_NAME(RecordType.ACCOUNT),
    INDUSTRY(RecordType.ACCOUNT),
    WEBSITE(RecordType.ACCOUNT),
    TAX_ID(RecordType.ACCOUNT),
    /** The owner; contacts and accounts. */
    OWNER(null),
    /** The territory; contacts and accounts. */
    TERRITORY(null),
    /** The day the record became a customer; contacts and accounts. */
    CUSTOMER_SINCE(null);

    private final RecordType only;

    MergeField(RecordType only) {
        this.only = only;
    }

    /** Whether records of the type have this field. */
    public boolean appliesTo(RecordType type) {
        return only == null || only == type;
    }
}
