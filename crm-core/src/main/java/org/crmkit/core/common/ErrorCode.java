package org.crmkit.core.common;

/**
 * Stable error codes carried by every {@link CrmException}. The {@link #code()} string is part of the public
 * contract: hosts may match on it, log it or translate it. It never changes once released.
 */
public enum ErrorCode {
    /** A required value is missing (null or blank). */
    REQUIRED("CRM-0001"),
    /** A value is present but malformed or out of its allowed range. */
    INVALID_VALUE("CRM-0002"),
    /** Two amounts in different currencies were combined. */
    CURRENCY_MISMATCH("CRM-0003"),
    /** A record with the given id does not exist for the tenant. */
    NOT_FOUND("CRM-0004"),
    /** The record was changed by someone else since it was read (optimistic locking). */
    STALE_VERSION("CRM-0005"),
    /** A record that must be unique already exists. */
    DUPLICATE("CRM-0006"),
    /** The requested change is not allowed in the record's current state. */
    ILLEGAL_STATE("CRM-0007"),
    /** A record of one tenant was handed to an operation of another tenant. */
    TENANT_MISMATCH("CRM-0008"),
    /** The storage adapter failed for a reason outside the domain (I/O, driver, constraint). */
    STORAGE_FAILURE("CRM-0009"),
    /** The acting user may not see or change the record. */
    ACCESS_DENIED("CRM-0010"),
    /**
     * The database ended the transaction because of a concurrent one (a deadlock, a serialization failure); nothing
     * of it was stored and the work can be run again.
     */
    TRANSACTION_CONFLICT("CRM-0011"),
    /**
     * An erasure of a person's data was refused because a legal hold applies (an open dunning case handed to a
     * lawyer, a hold a host's {@code PersonalDataHolder} reports); the message names every hold.
     */
    LEGAL_HOLD("CRM-0012"),
    /** A change-feed cursor of another tenant, or one that crmkit did not give out (changed or made up). */
    FEED_CURSOR_INVALID("CRM-0301"),
    /** The changes after a change-feed cursor are no longer kept: the reader must read its whole slice again. */
    RESYNC_NEEDED("CRM-0302"),
    /** Work needs a part the host has not configured (crm-workflow: a channel's sender, a payload's handler). */
    NOT_CONFIGURED("CRM-0101"),
    /** A write that must join a transaction (an outbox append, a workflow store's write) was made outside any. */
    TRANSACTION_REQUIRED("CRM-0102"),
    /** The calling thread was interrupted while it waited; the work was not finished and may be run again. */
    INTERRUPTED("CRM-0103"),
    /**
     * Analytics: an input file or stream is not in the expected form (an unreadable date or amount, a missing
     * column, invalid UTF-8, records out of order).
     */
    MALFORMED_INPUT("CRM-0201"),
    /** Analytics: the input holds no record at all. */
    EMPTY_INPUT("CRM-0202"),
    /** Analytics: the data are too few or too uniform for a model to be identified. */
    INSUFFICIENT_DATA("CRM-0203"),
    /** Analytics: a maximum-likelihood fit did not reach a finite optimum inside the parameter space. */
    FIT_FAILED("CRM-0204"),
    /** Analytics: an input file cannot be read at all (missing, a directory, an I/O error). */
    UNREADABLE_INPUT("CRM-0205"),
    /** Analytics: a report or another output file cannot be written. */
    UNWRITABLE_OUTPUT("CRM-0206");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The stable, documented code, e.g. {@code CRM-0002}. */
    public String code() {
        return code;
    }
}
