package org.crmkit.workflow;

/**
 * What one run did: actions newly planned by the workflows, and of the actions dispatched, how many were delivered,
 * will be retried, or failed for good.
 */
public record RunReport(int planned, int delivered, int retrying, int failed) {

    /** A run that did nothing. */
    static final RunReport NOTHING = new RunReport(0, 0, 0, 0);

    RunReport plus(RunReport other) {
        return new RunReport(
                planned + other.planned, delivered + other.delivered, retrying + other.retrying, failed + other.failed);
    }
}
