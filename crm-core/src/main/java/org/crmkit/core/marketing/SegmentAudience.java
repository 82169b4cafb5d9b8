package org.crmkit.core.marketing;

/** Whether a segment selects contacts or accounts. */
public enum SegmentAudience {
    CONTACTS,
    ACCOUNTS
}
