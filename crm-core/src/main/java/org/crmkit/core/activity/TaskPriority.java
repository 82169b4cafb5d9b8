package org.crmkit.core.activity;

/** How urgent a task is, lowest first. */
public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
