package org.crmkit.core.sales;

/** Why an open deal is stale: it rests in its stage past the rotting threshold, or has had no activity for long. */
public enum StaleReason {
    ROTTING,
    INACTIVE
}
