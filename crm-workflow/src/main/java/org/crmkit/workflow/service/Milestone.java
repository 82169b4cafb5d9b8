package org.crmkit.workflow.service;

/** A service-level milestone of a case: the first response and the resolution, each with its own target. */
public enum Milestone {
    FIRST_RESPONSE,
    RESOLUTION
}
