package org.crmkit.workflow;

import java.time.Instant;
import java.util.function.Supplier;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;

/**
 * What the runtime tells about its work, for metrics and tracing: crm-micrometer's {@code MicrometerWorkflowMonitor},
 * or the host's own. Given to {@link WorkflowRuntime.Builder#monitor}; the default, {@link #NONE}, does nothing.
 *
 * <p>Every method is called on the thread that did the work, after the transaction that recorded it has committed
 * (so a rolled-back delivery is never reported as delivered). Implementations must be thread-safe (deliveries may be
 * recorded from several runs at once), quick, and must not throw: a monitor that throws fails the work it reports
 * on.
 */
public interface WorkflowMonitor {

    /** The monitor that does nothing. */
    WorkflowMonitor NONE = new WorkflowMonitor() {};

    /**
     * Wraps one {@link WorkflowRuntime#runDue(Instant)} as of {@code asOf}, e.g. to time it or open a span around
     * it: calls {@code run} once, on the calling thread, and returns its report (or lets its exception pass).
     */
    default RunReport run(Instant asOf, Supplier<RunReport> run) {
        return run.get();
    }

    /** The workflow newly planned {@code count} actions in a run ({@link Workflow#planDue}); 0 is reported too. */
    default void planned(String workflow, int count) {}

    /**
     * An action was delivered, as stored: {@link Action#finishedAt()} is when (the dispatcher's time), and
     * {@link Action#nextAttemptAt()} when it was due for the attempt that succeeded.
     */
    default void delivered(Action action) {}

    /**
     * A delivery attempt failed, the action as stored after it: {@link ActionStatus#PENDING} when it will be retried
     * at {@link Action#nextAttemptAt()}, {@link ActionStatus#FAILED} when the runtime gave up on it (the last attempt
     * of the retry policy). Another status means that another node finished the action meanwhile.
     */
    default void deliveryFailed(Action action) {}
}
