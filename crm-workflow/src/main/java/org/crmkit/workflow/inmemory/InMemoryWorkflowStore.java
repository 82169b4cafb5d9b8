package org.crmkit.workflow.inmemory;

import org.crmkit.core.common.Require;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.action.ActionStore;

/**
 * The runtime's store kept in memory, next to an {@link InMemoryStorage} and inside its transactions: a workflow's
 * state change, its planned actions and crmkit's own records commit or roll back together. Thread-safe; data lives
 * as long as the instance.
 */
public final class InMemoryWorkflowStore implements WorkflowStore {

    private final InMemoryStorage storage;
    private final InMemoryActionStore actions;

    private InMemoryWorkflowStore(InMemoryStorage storage) {
        this.storage = storage;
        this.actions = new InMemoryActionStore(storage);
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryWorkflowStore create(InMemoryStorage storage) {
        return new InMemoryWorkflowStore(Require.notNull(storage, "storage"));
    }

    @Override
    public InMemoryStorage storage() {
        return storage;
    }

    @Override
    public ActionStore actions() {
        return actions;
    }
}
