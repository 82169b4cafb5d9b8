package org.crmkit.workflow.webhook;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, behind the subscription's earlier pending deliveries. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt failed: listed among the dead letters until re-driven; later deliveries went on without it. */
    DEAD_LETTER
}
