package org.crmkit.workflow;

import org.crmkit.core.spi.Storage;
import org.crmkit.workflow.action.ActionStore;

/**
 * The runtime's store: the action outbox, kept beside crmkit's own {@link Storage} and inside its transactions, so
 * that a workflow's state change, its planned actions and crmkit's records commit or roll back together.
 * {@code InMemoryWorkflowStore} keeps it with an {@code InMemoryStorage}; {@code JpaWorkflowStore} in the database of
 * a {@code JpaStorage}. A workflow's own state is not kept here: each stateful workflow receives its own store from
 * its builder (see the module README, "Adding a workflow").
 */
public interface WorkflowStore {

    /**
     * The crmkit storage this store lives beside, the one the {@code Crm} given to the runtime was built with: its
     * transactions are the workflows' transactions, its outbox receives the events workflows record.
     */
    Storage storage();

    /** The outbox of planned actions. */
    ActionStore actions();
}
