package org.crmkit.spring.boot;

import java.util.List;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers the application's {@link Workflow} beans with the runtime once every singleton exists: a workflow is
 * built from the runtime, so it cannot be handed to the runtime's constructor. crmkit's own workflows (dunning,
 * reminders, sequences, greetings) register themselves when built and are left as they are.
 */
final class WorkflowRegistrations implements SmartInitializingSingleton {

    private final ObjectProvider<WorkflowRuntime> runtime;
    private final ObjectProvider<Workflow> workflows;

    WorkflowRegistrations(ObjectProvider<WorkflowRuntime> runtime, ObjectProvider<Workflow> workflows) {
        this.runtime = runtime;
        this.workflows = workflows;
    }

    @Override
    public void afterSingletonsInstantiated() {
        WorkflowRuntime registry = runtime.getIfAvailable();
        if (registry == null) {
            return;
        }
        List<Workflow> registered = registry.workflows();
        workflows
                .orderedStream()
                .filter(workflow -> registered.stream().noneMatch(known -> known == workflow))
                .forEach(registry::register);
    }
}
