package org.crmkit.core.access;

/** What an explicit {@link RecordShare} lets its grantee do with the record. */
public enum ShareAccess {
    /** Read the record. */
    READ,
    /** Read and change the record. */
    READ_WRITE
}
