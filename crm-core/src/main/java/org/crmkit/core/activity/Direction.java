package org.crmkit.core.activity;

/** Who started an interaction: the customer ({@code INBOUND}) or we ({@code OUTBOUND}). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
