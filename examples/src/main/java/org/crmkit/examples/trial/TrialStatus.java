package org.crmkit.examples.trial;

/** Where a customer's trial stands. */
public enum TrialStatus {
    /** Running; no reminder sent yet. */
    RUNNING,
    /** Running; the customer was reminded that it ends soon. */
    REMINDED,
    /** Over without a purchase; the account owner was asked to call. */
    ENDED,
    /** The customer bought (an invoice was issued to the account) before the trial ended. */
    CONVERTED;

    /** Whether the trial still runs (and so may be reminded of, end or convert). */
    public boolean isRunning() {
        return this == RUNNING || this == REMINDED;
    }
}
