package org.crmkit.workflow;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.workflow.action.Action;

/**
 * A workflow on the shared runtime (dunning, task reminders, follow-up sequences, greetings): a deterministic
 * function of stored state and the time it is asked about. Register it with {@link WorkflowRuntime#register}.
 *
 * <p>Contract: {@link #planDue} changes the workflow's own state and schedules its actions through
 * {@link WorkflowRuntime#outbox()} in the same transaction, with deduplication keys derived from that state (never
 * from the wall clock or a random id), so that planning twice, or on two nodes at once, schedules each action
 * once. It never calls a channel itself: the runtime delivers what was scheduled.
 */
public interface Workflow {

    /** A stable name, stored with every action it plans, e.g. {@code dunning}. */
    String name();

    /** Plans everything due as of {@code asOf}; returns how many actions it newly scheduled. */
    int planDue(Instant asOf);

    /** Called in the transaction that marks one of its actions delivered, e.g. to log it on the timeline. */
    default void onDelivered(Action action) {}

    /**
     * Called in the transaction that marks several of its actions delivered together (a dispatcher's batch), in the
     * order they were delivered. The default calls {@link #onDelivered} for each; a workflow that records
     * deliveries in its own state does better reading and saving that state for all of them at once. A failure
     * rolls back the batch's record, which the runtime then records action by action.
     */
    default void onDeliveredAll(List<Action> actions) {
        actions.forEach(this::onDelivered);
    }

    /**
     * Called with each of crmkit's domain events once the change that recorded it has committed (the runtime
     * subscribes to its {@code Crm} when built), for a workflow that reacts at once: a payment re-evaluates a dunning
     * case, a won deal ends a sequence. At least once and in outbox order, outside any transaction (the workflow
     * opens its own), on the thread that committed. Throwing leaves the event pending in crmkit's outbox: it is
     * delivered again, to every listener, with crmkit's next relay. The default ignores every event.
     */
    default void onEvent(OutboxEntry entry) {}

    /** Called in the transaction that marks one of its actions failed after the last retry. */
    default void onFailed(Action action) {}
}
