package org.crmkit.workflow.spi;

/**
 * Everything crm-workflow stores, as one port, next to crmkit's own {@code Storage} and inside its transactions:
 * {@code InMemoryWorkflowStore} keeps it with an {@code InMemoryStorage}; a database adapter keeps it in the same
 * database as the crmkit tables.
 */
public interface WorkflowStore {

    /** The outbox of planned actions. */
    ActionStore actions();

    /** Dunning cases and holds. */
    DunningCaseStore dunningCases();
}
