package org.crmkit.workflow.sequence;

/** Where an enrolment stands. ACTIVE and WAITING_FOR_TASK are running; COMPLETED and ENDED are final. */
public enum EnrolmentStatus {
    /** Its next step runs at {@code nextStepAt}. */
    ACTIVE,
    /** A call task of the sequence is open; the sequence goes on when it is done or cancelled. */
    WAITING_FOR_TASK,
    /** Every step ran. */
    COMPLETED,
    /** Ended early, for an {@link EndReason}. */
    ENDED;

    public boolean isRunning() {
        return this == ACTIVE || this == WAITING_FOR_TASK;
    }
}
