package org.crmkit.core.lead;

import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * An existing contact, account or lead that may be the same as a lead: which record, on what it matched and the
 * matched value in normal form (a lower-case email, an E.164 phone number, a normalised company name).
 */
public record DuplicateMatch(RecordRef record, Reason reason, String value) {

    /** What two records have in common. */
    public enum Reason {
        EMAIL, PHONE, COMPANY_NAME
    }

    public DuplicateMatch {
        Require.notNull(record, "record");
        Require.notNull(reason, "reason");
        Require.notBlank(value, "value");
    }
}
