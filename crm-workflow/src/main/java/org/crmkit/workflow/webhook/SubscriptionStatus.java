package org.crmkit.workflow.webhook;

/** Whether a webhook subscription receives changes. */
public enum SubscriptionStatus {
    ACTIVE,
    /** Disabled by the host, or because its endpoint answered 410 Gone: no new deliveries, none sent. */
    DISABLED
}
