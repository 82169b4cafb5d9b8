package org.crmkit.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionPayload;

/** The workflows registered with a runtime and the handlers of its payload classes. Thread-safe. */
final class Registrations {

    /** The handler of one payload class, and whether it delivers inside the transaction that records it. */
    record Handler<P extends ActionPayload>(Class<P> type, ActionHandler<P> handler, boolean inTransaction) {

        void deliver(Action action) {
            handler.deliver(action, type.cast(action.payload()));
        }
    }

    private final Map<Class<?>, Handler<?>> handlers = new ConcurrentHashMap<>();
    private final List<Workflow> workflows = new CopyOnWriteArrayList<>();

    void register(Workflow workflow) {
        synchronized (workflows) {
            if (workflowNamed(workflow.name()).isPresent()) {
                throw new DuplicateRecordException("Workflow", workflow.name());
            }
            workflows.add(workflow);
        }
    }

    List<Workflow> workflows() {
        return workflows;
    }

    Optional<Workflow> workflowNamed(String name) {
        return workflows.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    void handle(Handler<?> handler) {
        handlers.put(handler.type(), handler);
    }

    /** The handler of the action's payload class; null when none is registered. */
    Handler<?> handlerOf(Action action) {
        return handlers.get(action.payload().getClass());
    }
}
