package org.crmkit.workflow;

import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionPayload;

/**
 * Delivers actions whose payload is of one class. Throwing means "not delivered": the runtime retries with
 * exponential backoff and marks the action failed after the last attempt. Implementations must be thread-safe.
 *
 * @param <P> the payload class it handles
 */
@FunctionalInterface
public interface ActionHandler<P extends ActionPayload> {

    void deliver(Action action, P payload);
}
