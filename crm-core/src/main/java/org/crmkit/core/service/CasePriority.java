package org.crmkit.core.service;

/** How urgent a case is, lowest first; decides the service-level targets. */
public enum CasePriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
