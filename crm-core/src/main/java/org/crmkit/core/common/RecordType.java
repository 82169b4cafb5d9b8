package org.crmkit.core.common;

/** The kinds of record that activities, tasks and links can point at. */
public enum RecordType {
    CONTACT,
    ACCOUNT,
    LEAD,
    OPPORTUNITY,
    INVOICE,
    PAYMENT,
    CAMPAIGN,
    CASE,
    TASK,
    ACTIVITY
}
