package org.crmkit.core.common;

/**
 * The kinds of record that activities, tasks and links can point at, and that the sharing model gives an
 * organisation-wide default to ({@code SharingModel}).
 */
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
    ACTIVITY,
    PIPELINE,
    SEGMENT,
    QUOTA,
    FORECAST_SNAPSHOT
}
